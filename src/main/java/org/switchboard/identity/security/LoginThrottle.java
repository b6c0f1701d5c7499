package org.switchboard.identity.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Slows password guessing without ever locking anyone out (OWASP ASVS 2.2.1): a failed sign-in
 * makes the next attempt <em>from the same client address for the same name</em> wait 1, 2, 4 …
 * seconds, at most {@link #MAX_DELAY}; many failures from one address across names (spraying) slow
 * that address the same way. The wait happens before the password is checked, and then it is
 * checked: a correct password always signs in, whatever failures others made — from elsewhere
 * they do not even slow it. Keyed on the name typed, whether or not it exists, so it reveals
 * nothing about accounts. Admins list and clear what is held ({@link #held()}, {@link #clear}).
 */
public class LoginThrottle {

    static final Duration MAX_DELAY = Duration.ofSeconds(10);
    static final Duration FORGET_AFTER = Duration.ofMinutes(15);
    /** Failures from one address, over any names, before that address itself is slowed. */
    static final int ADDRESS_FREE_FAILURES = 10;
    /** Attempts that may wait at once for one address and name; more are answered as failed at once, so waiting holds few threads. */
    static final int MAX_WAITING_PER_KEY = 3;
    private static final int MAX_TRACKED = 100_000;

    private final Clock clock;
    private final Sleeper sleeper;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> waiting = new ConcurrentHashMap<>();

    /** How a wait is spent; tests pass a clock-moving one. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    public LoginThrottle() {
        this(Clock.systemUTC(), duration -> Thread.sleep(duration.toMillis()));
    }

    LoginThrottle(Clock clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** One throttle entry, as admins see it. */
    public record Held(String address, String username, int failures, Instant lastFailure, Duration nextWait) {
    }

    /**
     * Waits as long as earlier failures ask for this address and name (bounded), then lets the
     * password be checked. False only when too many attempts for the same address and name are
     * already waiting: then answer as a failed sign-in without checking.
     */
    public boolean awaitTurn(String address, String username) {
        Duration wait = waitFor(address, username);
        if (wait.isZero()) {
            return true;
        }
        AtomicInteger queue = waiting.computeIfAbsent(nameKey(address, username), k -> new AtomicInteger());
        if (queue.incrementAndGet() > MAX_WAITING_PER_KEY) {
            queue.decrementAndGet();
            return false;
        }
        try {
            sleeper.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            queue.decrementAndGet();
        }
    }

    /** How long an attempt now would wait. */
    Duration waitFor(String address, String username) {
        Instant now = clock.instant();
        Duration byName = remaining(failures.get(nameKey(address, username)), now, 0);
        Duration byAddress = remaining(failures.get(addressKey(address)), now, ADDRESS_FREE_FAILURES);
        return byName.compareTo(byAddress) >= 0 ? byName : byAddress;
    }

    private Duration remaining(Failures f, Instant now, int free) {
        if (f == null || f.count <= free || now.isAfter(f.lastFailure.plus(FORGET_AFTER))) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, f.lastFailure.plus(delayAfter(f.count - free)));
        return left.isNegative() ? Duration.ZERO : left;
    }

    public void failed(String address, String username) {
        Instant now = clock.instant();
        if (failures.size() >= MAX_TRACKED) {
            Instant cutoff = now.minus(FORGET_AFTER);
            failures.values().removeIf(f -> f.lastFailure.isBefore(cutoff));
        }
        count(nameKey(address, username), address, username, now);
        count(addressKey(address), address, null, now);
    }

    private void count(String key, String address, String username, Instant now) {
        failures.merge(key, new Failures(address, username, 1, now), (old, one) ->
                now.isAfter(old.lastFailure.plus(FORGET_AFTER)) ? one : new Failures(address, username, old.count + 1, now));
    }

    /** A correct password from this address clears what this address did to this name. */
    public void succeeded(String address, String username) {
        failures.remove(nameKey(address, username));
    }

    /** What is being slowed now, most recent first. */
    public List<Held> held() {
        Instant now = clock.instant();
        return failures.values().stream().filter(f -> !now.isAfter(f.lastFailure.plus(FORGET_AFTER)))
                .sorted(Comparator.comparing((Failures f) -> f.lastFailure).reversed())
                .map(f -> new Held(f.address, f.username, f.count, f.lastFailure,
                        remaining(f, now, f.username == null ? ADDRESS_FREE_FAILURES : 0))).toList();
    }

    /** Clears entries: for one address and/or one name (null: any); returns how many. */
    public int clear(String address, String username) {
        int before = failures.size();
        failures.values().removeIf(f -> (address == null || address.equals(f.address))
                && (username == null || (f.username != null && normalize(username).equals(f.username))));
        return before - failures.size();
    }

    static Duration delayAfter(int failureCount) {
        long seconds = 1L << Math.min(Math.max(failureCount - 1, 0), 6);
        return Duration.ofSeconds(Math.min(seconds, MAX_DELAY.getSeconds()));
    }

    private static String nameKey(String address, String username) {
        return address + "\n" + normalize(username);
    }

    private static String addressKey(String address) {
        return address + "\n";
    }

    private static String normalize(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private record Failures(String address, String username, int count, Instant lastFailure) {
        Failures {
            username = username == null ? null : normalize(username);
        }
    }
}
