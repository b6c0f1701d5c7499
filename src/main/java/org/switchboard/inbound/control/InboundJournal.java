package org.switchboard.inbound.control;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.switchboard.channels.entity.Channel;
import org.switchboard.inbound.entity.InboundItem;

/** Stores raw payloads, each in its own committed transaction, before anything else happens to them. */
@ApplicationScoped
public class InboundJournal {

    @PersistenceContext
    EntityManager em;

    @Transactional(Transactional.TxType.SUPPORTS)
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
}
