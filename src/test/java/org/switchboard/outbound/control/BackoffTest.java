package org.switchboard.outbound.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(30));

    @Test
    void waitsDoubleWithJitterUpToTheCap() {
        for (int attempt = 1; attempt <= 6; attempt++) {
            long expected = 30_000L << (attempt - 1);
            long wait = backoff.after(attempt, null).toMillis();
            assertTrue(wait >= expected * 0.8 && wait <= expected * 1.2, "attempt " + attempt + ": " + wait);
        }
        assertTrue(backoff.after(20, null).compareTo(Duration.ofMinutes(30)) <= 0);
    }

    @Test
    void aProvidersRetryAfterIsHonouredWhenLongerButNeverPastTheCap() {
        assertEquals(Duration.ofMinutes(10), backoff.after(1, Duration.ofMinutes(10)));
        assertEquals(Duration.ofMinutes(30), backoff.after(1, Duration.ofHours(5)));
        assertTrue(backoff.after(1, Duration.ofSeconds(1)).toSeconds() >= 24, "a shorter Retry-After does not hurry us");
    }

    @Test
    void jitterSpreadsMessagesThatFailedTogether() {
        long distinct = java.util.stream.IntStream.range(0, 50).mapToObj(i -> backoff.after(3, null)).distinct().count();
        assertTrue(distinct > 10, "distinct waits: " + distinct);
    }
}
