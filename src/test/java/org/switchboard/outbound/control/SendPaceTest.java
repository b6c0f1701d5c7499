package org.switchboard.outbound.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class SendPaceTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final SendPace pace = new SendPace(now::get);

    private final SendPace.Limit number = new SendPace.Limit("whatsapp:1", new SendPace.Rate(80, 80));
    private final SendPace.Limit pairA = new SendPace.Limit("whatsapp:1:358401", SendPace.Rate.every(Duration.ofSeconds(6), 45));
    private final SendPace.Limit pairB = new SendPace.Limit("whatsapp:1:358402", SendPace.Rate.every(Duration.ofSeconds(6), 45));

    @Test
    void aBurstUpToTheLimitGoesAtOnceAndTheNextWaitsForItsShare() {
        for (int i = 0; i < 45; i++) {
            assertEquals(Duration.ZERO, pace.take(List.of(number, pairA)), "send " + i);
        }
        Duration wait = pace.take(List.of(number, pairA));
        assertEquals(6, Math.round(wait.toMillis() / 1000.0), "the 46th message to one customer waits for the pair rate: " + wait);
        assertEquals(Duration.ZERO, pace.take(List.of(number, pairB)), "another customer is not held up by the first one's limit");
        advance(wait.plusMillis(1));
        assertEquals(Duration.ZERO, pace.take(List.of(number, pairA)), "after the wait it goes");
        assertTrue(pace.take(List.of(number, pairA)).compareTo(Duration.ofSeconds(5)) > 0, "and the one after waits again");
    }

    @Test
    void aRefusedSendTakesNothingFromTheOtherLimits() {
        SendPace.Limit tiny = new SendPace.Limit("pair", new SendPace.Rate(1, 1));
        SendPace.Limit shared = new SendPace.Limit("number", new SendPace.Rate(1, 2));
        assertEquals(Duration.ZERO, pace.take(List.of(shared, tiny)));
        for (int i = 0; i < 10; i++) {
            assertTrue(pace.take(List.of(shared, tiny)).compareTo(Duration.ZERO) > 0, "the pair is empty");
        }
        SendPace.Limit other = new SendPace.Limit("other pair", new SendPace.Rate(1, 1));
        assertEquals(Duration.ZERO, pace.take(List.of(shared, other)), "the refused sends did not use up the number's second token");
    }

    @Test
    void theNumbersThroughputSpacesSendsEvenly() {
        SendPace.Limit slow = new SendPace.Limit("number", new SendPace.Rate(10, 10));
        int sent = 0;
        for (int millis = 0; millis < 3000; millis++) {
            if (pace.take(List.of(slow)).isZero()) {
                sent++;
            }
            advance(Duration.ofMillis(1));
        }
        assertTrue(sent == 39 || sent == 40, "a full bucket of 10, then 10 a second for 3 seconds: " + sent);
    }

    @Test
    void rejectsARateThatAllowsNothing() {
        assertThrows(IllegalArgumentException.class, () -> new SendPace.Rate(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new SendPace.Rate(1, 0));
    }

    private void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }
}
