package org.switchboard.outbound.control;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a failed message again: the base doubling per attempt up to a cap, with ±20 %
 * jitter so that messages that failed together do not all come back at once; a provider's
 * {@code Retry-After} is honoured when it asks for longer (up to the cap).
 */
public record Backoff(Duration base, Duration cap) {

    public Duration after(int attempts, Duration retryAfter) {
        long baseMillis = base.toMillis();
        long exponential = Math.min(baseMillis << Math.min(Math.max(attempts - 1, 0), 20), cap.toMillis());
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        long wait = Math.min((long) (exponential * jitter), cap.toMillis());
        if (retryAfter != null && retryAfter.toMillis() > wait) {
            wait = Math.min(retryAfter.toMillis(), cap.toMillis());
        }
        return Duration.ofMillis(Math.max(wait, 1));
    }
}
