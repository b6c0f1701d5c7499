package org.switchboard.platform.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RecentLookupsTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final AtomicInteger lookUps = new AtomicInteger();
    private final RecentLookups<String, String> cache = new RecentLookups<>(Duration.ofNanos(100), 3, now::get);

    private Optional<String> database(String key) {
        lookUps.incrementAndGet();
        return key.startsWith("known") ? Optional.of(key.toUpperCase() + "@" + now.get()) : Optional.empty();
    }

    @Test
    void aFoundValueIsKeptForItsLifetimeThenLookedUpAgain() {
        assertEquals("KNOWN@1000", cache.get("known", this::database).orElseThrow());
        now.addAndGet(99);
        assertEquals("KNOWN@1000", cache.get("known", this::database).orElseThrow(), "still fresh: the kept value");
        assertEquals(1, lookUps.get());
        now.addAndGet(1);
        assertEquals("KNOWN@1100", cache.get("known", this::database).orElseThrow(), "expired: read again");
        assertEquals(2, lookUps.get());
    }

    @Test
    void nothingFoundIsNeverKeptSoUnknownKeysAskEveryTimeAndCannotFillTheCache() {
        for (int i = 0; i < 5; i++) {
            assertTrue(cache.get("unknown-" + i, this::database).isEmpty());
            assertTrue(cache.get("unknown-" + i, this::database).isEmpty());
        }
        assertEquals(10, lookUps.get());
        cache.get("known", this::database);
        cache.get("known", this::database);
        assertEquals(11, lookUps.get(), "the known key is still kept");
    }

    @Test
    void clearingForgetsEverythingAndAFullCacheStartsOver() {
        cache.get("known-a", this::database);
        cache.clear();
        cache.get("known-a", this::database);
        assertEquals(2, lookUps.get(), "cleared: read again");
        cache.get("known-b", this::database);
        cache.get("known-c", this::database);
        cache.get("known-d", this::database); // a fourth key in a cache of three
        cache.get("known-d", this::database);
        assertEquals(5, lookUps.get(), "the newest key is kept after the cache started over");
        cache.get("known-a", this::database);
        assertEquals(6, lookUps.get(), "older keys were dropped");
    }

    @Test
    void anUpdateChangesTheKeptValueButNotItsExpiry() {
        cache.get("known", this::database);
        cache.update("known", v -> v + "+used");
        assertEquals("KNOWN@1000+used", cache.get("known", this::database).orElseThrow());
        now.addAndGet(100);
        assertEquals("KNOWN@1100", cache.get("known", this::database).orElseThrow());
        cache.update("absent", v -> "never");
        assertTrue(cache.get("absent", this::database).isEmpty());
    }
}
