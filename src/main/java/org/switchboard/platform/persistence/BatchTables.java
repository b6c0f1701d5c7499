package org.switchboard.platform.persistence;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Binds {@link Preloaded} tables to the current transaction: a batch writer preloads them, the
 * code it calls item by item looks rows up in them, and they vanish with the transaction — so live
 * processing, which preloads nothing, always asks the database.
 */
@ApplicationScoped
public class BatchTables {

    @Resource
    TransactionSynchronizationRegistry transactions;

    /**
     * Reads the rows for these keys, one IN-list query per {@link BatchQueries#slices slice}, and
     * installs them under {@code name}; a second preload under the same name in one transaction
     * adds to the first.
     */
    public <K, V> void preloadRows(Object name, Collection<K> keys, Function<List<K>, Map<K, V>> query) {
        Set<K> asked = new LinkedHashSet<>(keys);
        Map<K, V> found = new HashMap<>();
        for (List<K> slice : BatchQueries.slices(asked)) {
            query.apply(slice).forEach(found::putIfAbsent);
        }
        Preloaded<K, V> table = find(name);
        if (table == null) {
            transactions.putResource(name, new Preloaded<>(asked, found));
        } else {
            table.learn(asked, found);
        }
    }

    /** {@link #preloadRows} for entities that carry their own key. */
    public <K, V> void preload(Object name, Collection<K> keys, Function<List<K>, List<V>> query, Function<V, K> keyOf) {
        preloadRows(name, keys, slice -> query.apply(slice).stream()
                .collect(Collectors.toMap(keyOf, Function.identity(), (first, second) -> first)));
    }

    /** The row for this key: from the table when the batch asked about the key, else from the database. */
    public <K, V> Optional<V> lookup(Object name, K key, Supplier<Optional<V>> fromDatabase) {
        Preloaded<K, V> table = find(name);
        return table != null && table.covers(key) ? table.get(key) : fromDatabase.get();
    }

    /** A row the batch created, or that now has this key; nothing happens outside a batch. */
    public <K, V> void learn(Object name, K key, V value) {
        Preloaded<K, V> table = find(name);
        if (table != null) {
            table.put(key, value);
        }
    }

    /** The row that had this key no longer has it; nothing happens outside a batch. */
    public <K> void forget(Object name, K key) {
        Preloaded<K, Object> table = find(name);
        if (table != null) {
            table.remove(key);
        }
    }

    /** The table installed under this name in the current transaction, or null. */
    @SuppressWarnings("unchecked")
    public <K, V> Preloaded<K, V> find(Object name) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            return null;
        }
        return (Preloaded<K, V>) transactions.getResource(name);
    }
}
