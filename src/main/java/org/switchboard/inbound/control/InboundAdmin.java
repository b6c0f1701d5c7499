package org.switchboard.inbound.control;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.switchboard.inbound.entity.InboundItem;
import org.switchboard.inbound.entity.InboundState;

/** What admins see of the journal and how they send items back through processing. */
@ApplicationScoped
@Transactional
public class InboundAdmin {

    @PersistenceContext
    EntityManager em;

    public enum Filter {
        /** Pending after at least one failed attempt. */
        FAILED,
        QUARANTINED,
        PENDING
    }

    public record ItemView(long id, long channelId, String channel, String idempotencyKey, String contentType, InboundState state,
                           int attempts, String lastError, Instant receivedAt, Instant nextAttemptAt) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ItemView> list(Filter filter, int limit) {
        return em.createQuery("SELECT i.id, c.id, c.name, i.idempotencyKey, i.contentType, i.state, i.attempts, i.lastError, i.receivedAt, i.nextAttemptAt "
                        + "FROM InboundItem i JOIN i.channel c WHERE " + where(filter) + " ORDER BY i.receivedAt DESC, i.id DESC", Object[].class)
                .setParameter("state", filter == Filter.QUARANTINED ? InboundState.QUARANTINED : InboundState.PENDING)
                .setMaxResults(limit).getResultStream()
                .map(r -> new ItemView((Long) r[0], (Long) r[1], (String) r[2], (String) r[3], (String) r[4], (InboundState) r[5],
                        (Integer) r[6], (String) r[7], (Instant) r[8], (Instant) r[9]))
                .toList();
    }

    /** One item with what became of it; the raw payload is fetched separately. */
    public record ItemDetail(long id, long channelId, String idempotencyKey, String contentType, InboundState state, int attempts,
                             String lastError, String outcome, int payloadBytes, Instant receivedAt, Instant processedAt) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ItemDetail> get(long id) {
        InboundItem item = em.find(InboundItem.class, id);
        return Optional.ofNullable(item).map(i -> new ItemDetail(i.getId(), i.getChannel().getId(), i.getIdempotencyKey(),
                i.getContentType(), i.getState(), i.getAttempts(), i.getLastError(), i.getOutcome(), i.getPayload().length,
                i.getReceivedAt(), i.getProcessedAt()));
    }

    /** The payload exactly as received. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<byte[]> payload(long id) {
        return Optional.ofNullable(em.find(InboundItem.class, id)).map(InboundItem::getPayload);
    }

    public boolean requeue(long id) {
        InboundItem item = em.find(InboundItem.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (item == null || item.getState() == InboundState.PROCESSED) {
            return false;
        }
        item.requeue();
        return true;
    }

    public List<Long> requeueAll(Filter filter) {
        List<InboundItem> items = em.createQuery("SELECT i FROM InboundItem i WHERE " + where(filter), InboundItem.class)
                .setParameter("state", filter == Filter.QUARANTINED ? InboundState.QUARANTINED : InboundState.PENDING)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        items.forEach(InboundItem::requeue);
        return items.stream().map(InboundItem::getId).toList();
    }

    private static String where(Filter filter) {
        return filter == Filter.FAILED ? "i.state = :state AND i.attempts > 0" : "i.state = :state";
    }
}
