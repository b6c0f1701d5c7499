package org.switchboard.outbound.control;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Paces sends to the rates a provider allows, so that a burst of replies waits in the queue
 * instead of running into the provider's limit (and, at some providers, a penalty). Each limit is
 * a token bucket under its own key (a sending number, a number and recipient pair): a send takes
 * one token from every bucket it is under, or none and learns how long to wait.
 *
 * <p>Buckets live in this instance's memory: several instances each pace their own sends, and the
 * provider's rate-limit answer, which also only makes a message wait, covers the rest.
 */
@ApplicationScoped
public class SendPace {

    /** How many idle, full buckets may stay before they are dropped (a full bucket is the same as none). */
    private static final int TIDY_ABOVE = 10_000;

    /** A rate: {@code perSecond} on average, with bursts of up to {@code burst}. */
    public record Rate(double perSecond, int burst) {
        public Rate {
            if (perSecond <= 0 || burst < 1) {
                throw new IllegalArgumentException("A rate needs a positive speed and a burst of at least one");
            }
        }

        public static Rate every(Duration interval, int burst) {
            return new Rate(1_000_000_000.0 / interval.toNanos(), burst);
        }
    }

    /** One limit a send is under. */
    public record Limit(String key, Rate rate) {
    }

    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets = new HashMap<>();

    public SendPace() {
        this(System::nanoTime);
    }

    SendPace(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /**
     * Takes one send from every limit, or from none: {@link Duration#ZERO} when the send may go
     * now, otherwise how long until all of them allow it.
     */
    public synchronized Duration take(List<Limit> limits) {
        long now = nanoClock.getAsLong();
        double waitNanos = 0;
        for (Limit limit : limits) {
            Bucket bucket = buckets.computeIfAbsent(limit.key(), key -> new Bucket(limit.rate().burst(), now));
            bucket.refill(limit.rate(), now);
            if (bucket.tokens < 1) {
                waitNanos = Math.max(waitNanos, (1 - bucket.tokens) / limit.rate().perSecond() * 1_000_000_000.0);
            }
        }
        if (waitNanos > 0) {
            return Duration.ofNanos((long) Math.ceil(waitNanos));
        }
        for (Limit limit : limits) {
            buckets.get(limit.key()).tokens -= 1;
        }
        if (buckets.size() > TIDY_ABOVE) {
            tidy(limits, now);
        }
        return Duration.ZERO;
    }

    private void tidy(List<Limit> justUsed, long now) {
        Map<String, Rate> rates = new HashMap<>();
        justUsed.forEach(limit -> rates.put(limit.key(), limit.rate()));
        buckets.entrySet().removeIf(entry -> !rates.containsKey(entry.getKey()) && entry.getValue().idleFor(now) > Duration.ofMinutes(10).toNanos());
    }

    int buckets() {
        return buckets.size();
    }

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }

        void refill(Rate rate, long now) {
            tokens = Math.min(rate.burst(), tokens + (now - at) / 1_000_000_000.0 * rate.perSecond());
            at = now;
        }

        /** Buckets refill within minutes at any rate providers use; one idle this long is full again. */
        long idleFor(long now) {
            return now - at;
        }
    }
}
