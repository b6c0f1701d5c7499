package org.switchboard.identity.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock();
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void afterAFailureTheNextAttemptMustWait() {
        assertTrue(throttle.allows("maria"));
        throttle.failed("maria");
        assertFalse(throttle.allows("maria"));
        assertFalse(throttle.allows(" MARIA "), "the same name however typed");
        assertTrue(throttle.allows("ahmed"), "other users are not slowed");
        clock.advance(Duration.ofSeconds(1));
        assertTrue(throttle.allows("maria"));
    }

    @Test
    void theWaitDoublesUpToAMinute() {
        assertEquals(Duration.ofSeconds(1), LoginThrottle.delayAfter(1));
        assertEquals(Duration.ofSeconds(8), LoginThrottle.delayAfter(4));
        assertEquals(Duration.ofSeconds(60), LoginThrottle.delayAfter(30));
        for (int i = 0; i < 5; i++) {
            throttle.failed("maria");
        }
        clock.advance(Duration.ofSeconds(15));
        assertFalse(throttle.allows("maria"), "5 failures: 16 s wait");
        clock.advance(Duration.ofSeconds(1));
        assertTrue(throttle.allows("maria"));
    }

    @Test
    void successClearsTheFailures() {
        throttle.failed("maria");
        throttle.succeeded("maria");
        assertTrue(throttle.allows("maria"));
    }

    @Test
    void unknownNamesAreThrottledLikeRealOnes() {
        throttle.failed("no-such-user");
        assertFalse(throttle.allows("no-such-user"));
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
