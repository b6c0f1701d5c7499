package org.switchboard.identity.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after a failed sign-in for a user name, the next attempt for that name
 * must wait 1, 2, 4 … up to 60 seconds, and an attempt made sooner fails without checking the
 * password. Keyed on the name typed, whether or not it exists, so it reveals nothing about accounts.
 */
public class LoginThrottle {

    static final Duration MAX_DELAY = Duration.ofSeconds(60);
    static final Duration FORGET_AFTER = Duration.ofMinutes(15);
    private static final int MAX_TRACKED = 100_000;

    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public LoginThrottle() {
        this(Clock.systemUTC());
    }

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Whether an attempt for this name may be checked now. */
    public boolean allows(String username) {
        Failures f = failures.get(key(username));
        if (f == null) {
            return true;
        }
        Instant now = clock.instant();
        return !now.isBefore(f.lastFailure.plus(delayAfter(f.count))) || now.isAfter(f.lastFailure.plus(FORGET_AFTER));
    }

    public void failed(String username) {
        if (failures.size() >= MAX_TRACKED) {
            Instant cutoff = clock.instant().minus(FORGET_AFTER);
            failures.values().removeIf(f -> f.lastFailure.isBefore(cutoff));
        }
        Instant now = clock.instant();
        failures.merge(key(username), new Failures(1, now), (old, one) ->
                now.isAfter(old.lastFailure.plus(FORGET_AFTER)) ? one : new Failures(old.count + 1, now));
    }

    public void succeeded(String username) {
        failures.remove(key(username));
    }

    static Duration delayAfter(int failureCount) {
        long seconds = 1L << Math.min(failureCount - 1, 6);
        return Duration.ofSeconds(Math.min(seconds, MAX_DELAY.getSeconds()));
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private record Failures(int count, Instant lastFailure) {
    }
}
