package org.switchboard.platform.cache;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * What a look-up found, kept for a short time on this instance: the rows behind every API call
 * (the caller's token, the channel key) would otherwise be read on every request. A change made on
 * this instance clears the cache at once and again when its transaction ends (so a request that
 * read the old row meanwhile cannot keep it); a change made on another instance is seen here
 * within the time to live. Only found values are kept: a look-up that found nothing asks again,
 * so unknown keys cannot fill the cache.
 */
public final class RecentLookups<K, V> {

    private record Entry<V>(V value, long expiresAt) {
    }

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long timeToLiveNanos;
    private final int maxEntries;
    private final LongSupplier clock;

    public RecentLookups(Duration timeToLive, int maxEntries) {
        this(timeToLive, maxEntries, System::nanoTime);
    }

    RecentLookups(Duration timeToLive, int maxEntries, LongSupplier clock) {
        this.timeToLiveNanos = timeToLive.toNanos();
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    /** The kept value while it is fresh, else what the look-up finds now (kept if found). */
    public Optional<V> get(K key, Function<K, Optional<V>> lookUp) {
        long now = clock.getAsLong();
        Entry<V> entry = entries.get(key);
        if (entry != null && now - entry.expiresAt() < 0) {
            return Optional.of(entry.value());
        }
        Optional<V> found = lookUp.apply(key);
        if (found.isPresent()) {
            if (entries.size() >= maxEntries) {
                entries.clear(); // crude, and rare: the cache only saves look-ups, it never decides anything
            }
            entries.put(key, new Entry<>(found.get(), now + timeToLiveNanos));
        } else {
            entries.remove(key);
        }
        return found;
    }

    /** Replaces a kept value (e.g. a timestamp the caller just wrote) without changing its expiry. */
    public void update(K key, Function<V, V> change) {
        entries.computeIfPresent(key, (k, entry) -> new Entry<>(change.apply(entry.value()), entry.expiresAt()));
    }

    public void clear() {
        entries.clear();
    }

    /**
     * For a change inside the current transaction: clears now, and again once the transaction has
     * ended, after which every look-up sees the committed row.
     */
    public void clearWhenDone(TransactionSynchronizationRegistry transaction) {
        clear();
        if (transaction != null && transaction.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transaction.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    clear();
                }
            });
        }
    }
}
