package org.switchboard.platform.persistence;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rows a batch writer read in one query for a whole batch, keyed by what the per-item code looks
 * them up by. For a key the batch asked about, the table is the truth: absent means the database
 * had no such row when the batch began, and rows the batch itself creates are added as it goes.
 * For any other key the caller asks the database as usual.
 */
public final class Preloaded<K, V> {

    private final Set<K> asked;
    private final Map<K, V> found;

    Preloaded(Set<K> asked, Map<K, V> found) {
        this.asked = new HashSet<>(asked);
        this.found = new HashMap<>(found);
    }

    /** Rows read for more keys; rows the batch already holds (perhaps changed by it) stay. */
    void learn(Set<K> moreAsked, Map<K, V> moreFound) {
        moreFound.forEach(found::putIfAbsent);
        asked.addAll(moreAsked);
    }

    /** Whether the batch asked about this key, so {@link #get} answers it without the database. */
    public boolean covers(K key) {
        return asked.contains(key);
    }

    public Optional<V> get(K key) {
        return Optional.ofNullable(found.get(key));
    }

    /** A row this batch created or changed to have this key. */
    public void put(K key, V value) {
        asked.add(key);
        found.put(key, value);
    }

    /** The rows the table holds. */
    public java.util.Collection<V> rows() {
        return found.values();
    }

    /** The row with this key no longer has it. */
    public void remove(K key) {
        found.remove(key);
    }
}
