package org.switchboard.inbound.control;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.switchboard.conversations.entity.Message;
import org.switchboard.inbound.entity.InboundItem;
import org.switchboard.inbound.entity.InboundState;

/**
 * Processes one journaled item in one transaction: parse, intake, mark processed — all or
 * nothing. The item row is locked first, so the receiver, the retry scheduler and other instances
 * never process one item twice. Convention: a message's external id is its item's idempotency key.
 */
@ApplicationScoped
public class InboundProcessor {

    @PersistenceContext
    EntityManager em;

    @Inject
    @Any
    Instance<PayloadParser> parsers;

    @Inject
    ConversationIntake intake;

    @Inject
    InboundSettings settings;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Processed process(long itemId) {
        InboundItem item = em.find(InboundItem.class, itemId, LockModeType.PESSIMISTIC_WRITE);
        if (item == null) {
            throw new IllegalArgumentException("No inbound item " + itemId);
        }
        if (item.getState() == InboundState.PROCESSED) {
            return new Processed(itemId, InboundState.PROCESSED, existing(item), null);
        }
        if (item.getState() == InboundState.QUARANTINED) {
            return new Processed(itemId, InboundState.QUARANTINED, null, item.getLastError());
        }
        PayloadParser parser = parserFor(item.getContentType());
        if (parser == null) {
            item.quarantine("No parser for content type " + item.getContentType());
            return new Processed(itemId, InboundState.QUARANTINED, null, item.getLastError());
        }
        InboundMessage message;
        try {
            message = parser.parse(item.getPayload());
        } catch (InvalidPayloadException invalid) {
            item.quarantine(invalid.getMessage());
            return new Processed(itemId, InboundState.QUARANTINED, null, item.getLastError());
        }
        IntakeResult result = intake.accept(item.getChannel(), message);
        item.markProcessed();
        return new Processed(itemId, InboundState.PROCESSED, result, null);
    }

    /** Records a failed attempt: retried later with backoff, or quarantined after the last allowed attempt. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Processed recordFailure(long itemId, String error) {
        InboundItem item = em.find(InboundItem.class, itemId, LockModeType.PESSIMISTIC_WRITE);
        if (item.getState() == InboundState.PENDING) {
            item.recordFailure(error, settings.maxAttempts(), settings.backoffAfter(item.getAttempts() + 1));
        }
        return new Processed(itemId, item.getState(), null, item.getLastError());
    }

    /** Items whose time for another attempt has come, oldest first. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Long> due(int limit) {
        return em.createQuery("SELECT i.id FROM InboundItem i WHERE i.state = :pending AND i.nextAttemptAt <= :now ORDER BY i.nextAttemptAt, i.id", Long.class)
                .setParameter("pending", InboundState.PENDING).setParameter("now", Instant.now()).setMaxResults(limit).getResultList();
    }

    private IntakeResult existing(InboundItem item) {
        return em.createNamedQuery("Message.byExternalId", Message.class).setParameter("channel", item.getChannel())
                .setParameter("externalId", item.getIdempotencyKey()).getResultStream().findFirst()
                .map(IntakeResult::existing)
                .orElse(null);
    }

    private PayloadParser parserFor(String contentType) {
        for (PayloadParser parser : parsers) {
            if (parser.contentType().equalsIgnoreCase(contentType)) {
                return parser;
            }
        }
        return null;
    }
}
