package org.switchboard.inbound.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.switchboard.channels.entity.Channel;
import org.switchboard.inbound.entity.InboundItem;
import org.switchboard.platform.persistence.BatchQueries;

/** Stores raw payloads, each in its own committed transaction, before anything else happens to them. */
@ApplicationScoped
public class InboundJournal {

    @PersistenceContext
    EntityManager em;

    /** In a transaction of its own when called without one: background threads never use an entity manager outside one. */
    @Transactional(Transactional.TxType.REQUIRED)
    public Optional<Long> find(long channelId, String idempotencyKey) {
        return em.createQuery("SELECT i.id FROM InboundItem i WHERE i.channel.id = :channel AND i.idempotencyKey = :key", Long.class)
                .setParameter("channel", channelId).setParameter("key", idempotencyKey).getResultStream().findFirst();
    }

    /** Stores and commits; a concurrent store of the same key fails on the unique key, and the caller finds the winner's. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long store(long channelId, String idempotencyKey, String contentType, byte[] payload) {
        InboundItem item = new InboundItem(em.getReference(Channel.class, channelId), idempotencyKey, contentType, payload);
        em.persist(item);
        em.flush();
        return item.getId();
    }

    /** A payload to journal. */
    public record Payload(long channelId, String idempotencyKey, String contentType, byte[] bytes) {
    }

    /**
     * Stores several payloads in one committed transaction (one batched insert); a payload whose
     * key is journaled already, or repeats one earlier in the list, gets that item. Returns the item
     * ids in the order given. A concurrent store of a key fails the whole call: the caller then
     * stores one by one.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Long> storeAll(List<Payload> payloads) {
        Map<Long, Map<String, Long>> itemsByChannel = new HashMap<>();
        payloads.stream().collect(Collectors.groupingBy(Payload::channelId, Collectors.mapping(Payload::idempotencyKey, Collectors.toList())))
                .forEach((channelId, keys) -> itemsByChannel.put(channelId, journaled(channelId, keys)));
        List<Long> itemIds = new ArrayList<>(payloads.size());
        for (Payload payload : payloads) {
            itemIds.add(itemsByChannel.get(payload.channelId()).computeIfAbsent(payload.idempotencyKey(), key -> {
                InboundItem item = new InboundItem(em.getReference(Channel.class, payload.channelId()), key, payload.contentType(), payload.bytes());
                em.persist(item);
                return item.getId();
            }));
        }
        return itemIds;
    }

    /** Item ids by idempotency key, for those of these keys the channel journaled before. */
    private Map<String, Long> journaled(long channelId, List<String> keys) {
        Map<String, Long> ids = new HashMap<>();
        for (List<String> slice : BatchQueries.slices(keys)) {
            for (Object[] row : em.createQuery("SELECT i.idempotencyKey, i.id FROM InboundItem i WHERE i.channel.id = :channel AND i.idempotencyKey IN :keys", Object[].class)
                    .setParameter("channel", channelId).setParameter("keys", slice).getResultList()) {
                ids.put((String) row[0], (Long) row[1]);
            }
        }
        return ids;
    }
}
