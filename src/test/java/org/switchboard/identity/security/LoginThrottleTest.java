package org.switchboard.identity.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final String ATTACKER = "203.0.113.9";
    private static final String ADMIN_DESK = "198.51.100.20";

    private final MutableClock clock = new MutableClock();
    private final List<Duration> waits = new ArrayList<>();
    private final LoginThrottle throttle = new LoginThrottle(clock, d -> {
        waits.add(d);
        clock.advance(d);
    });

    @Test
    void failuresFromElsewhereNeitherLockNorSlowTheRightfulUser() {
        for (int i = 0; i < 50; i++) {
            throttle.failed(ATTACKER, "admin");
            clock.advance(Duration.ofSeconds(61));
        }
        assertEquals(Duration.ZERO, throttle.waitFor(ADMIN_DESK, "admin"));
        assertTrue(throttle.awaitTurn(ADMIN_DESK, "admin"), "the admin's correct password is checked");
        assertTrue(waits.isEmpty());
    }

    @Test
    void aFailureSlowsTheNextAttemptButNeverRefusesIt() {
        throttle.failed(ATTACKER, "maria");
        assertTrue(throttle.awaitTurn(ATTACKER, " MARIA "), "the same name however typed: it waits, then the password is checked");
        assertEquals(List.of(Duration.ofSeconds(1)), waits);
        assertEquals(Duration.ZERO, throttle.waitFor(ATTACKER, "ahmed"), "other names are not slowed by one failure");
    }

    @Test
    void theWaitDoublesAndStaysBounded() {
        assertEquals(Duration.ofSeconds(1), LoginThrottle.delayAfter(1));
        assertEquals(Duration.ofSeconds(8), LoginThrottle.delayAfter(4));
        assertEquals(LoginThrottle.MAX_DELAY, LoginThrottle.delayAfter(30));
        for (int i = 0; i < 40; i++) {
            throttle.failed(ATTACKER, "maria");
        }
        assertEquals(LoginThrottle.MAX_DELAY, throttle.waitFor(ATTACKER, "maria"));
        clock.advance(LoginThrottle.FORGET_AFTER.plusSeconds(1));
        assertEquals(Duration.ZERO, throttle.waitFor(ATTACKER, "maria"), "forgotten after a quiet quarter hour");
    }

    @Test
    void sprayingManyNamesFromOneAddressSlowsThatAddress() {
        for (int i = 0; i < LoginThrottle.ADDRESS_FREE_FAILURES; i++) {
            throttle.failed(ATTACKER, "user" + i);
        }
        assertEquals(Duration.ZERO, throttle.waitFor(ATTACKER, "someone-new"));
        throttle.failed(ATTACKER, "user-x");
        throttle.failed(ATTACKER, "user-y");
        assertEquals(Duration.ofSeconds(2), throttle.waitFor(ATTACKER, "someone-new"));
        assertEquals(Duration.ZERO, throttle.waitFor(ADMIN_DESK, "someone-new"));
    }

    @Test
    void successClearsWhatThatAddressDidToTheName() {
        throttle.failed(ATTACKER, "maria");
        throttle.succeeded(ATTACKER, "maria");
        assertEquals(Duration.ZERO, throttle.waitFor(ATTACKER, "maria"));
    }

    @Test
    void unknownNamesAreThrottledLikeRealOnes() {
        throttle.failed(ATTACKER, "no-such-user");
        assertEquals(Duration.ofSeconds(1), throttle.waitFor(ATTACKER, "no-such-user"));
    }

    @Test
    void adminsSeeAndClearWhatIsHeld() {
        throttle.failed(ATTACKER, "maria");
        throttle.failed(ADMIN_DESK, "ahmed");
        List<LoginThrottle.Held> held = throttle.held();
        assertTrue(held.stream().anyMatch(h -> ATTACKER.equals(h.address()) && "maria".equals(h.username()) && h.failures() == 1), held.toString());
        assertEquals(2, throttle.clear(ATTACKER, null), "the name entry and the address entry");
        assertEquals(Duration.ZERO, throttle.waitFor(ATTACKER, "maria"));
        assertEquals(1, throttle.clear(null, "AHMED"));
    }

    @Test
    void onlyAFewAttemptsWaitAtOnceForOneAddressAndName() throws Exception {
        CountDownLatch allWaiting = new CountDownLatch(LoginThrottle.MAX_WAITING_PER_KEY);
        CountDownLatch release = new CountDownLatch(1);
        LoginThrottle blocking = new LoginThrottle(Clock.systemUTC(), d -> {
            allWaiting.countDown();
            release.await(10, TimeUnit.SECONDS);
        });
        blocking.failed(ATTACKER, "maria");
        ExecutorService pool = Executors.newFixedThreadPool(LoginThrottle.MAX_WAITING_PER_KEY);
        try {
            List<Future<Boolean>> waiting = new ArrayList<>();
            for (int i = 0; i < LoginThrottle.MAX_WAITING_PER_KEY; i++) {
                waiting.add(pool.submit(() -> blocking.awaitTurn(ATTACKER, "maria")));
            }
            assertTrue(allWaiting.await(5, TimeUnit.SECONDS));
            assertFalse(blocking.awaitTurn(ATTACKER, "maria"), "one more waiting attempt is answered at once, holding no thread");
            assertTrue(blocking.awaitTurn(ADMIN_DESK, "maria"), "another address is not held up by them");
            release.countDown();
            for (Future<Boolean> f : waiting) {
                assertTrue(f.get(5, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
