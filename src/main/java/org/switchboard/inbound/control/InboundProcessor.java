package org.switchboard.inbound.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.switchboard.channels.entity.Channel;
import org.switchboard.tickets.control.TicketActivity;
import org.switchboard.conversations.entity.Message;
import org.switchboard.inbound.entity.InboundItem;
import org.switchboard.inbound.entity.InboundState;

/**
 * Processes journaled items in one transaction: parse, intake, mark processed — all or
 * nothing. The item rows are locked first, so the receiver, the retry scheduler and other instances
 * never process one item twice. Convention: a message's external id is its item's idempotency key.
 */
@ApplicationScoped
public class InboundProcessor {

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<TicketActivity> activity;

    @Inject
    @Any
    Instance<PayloadParser> parsers;

    @Inject
    @Any
    Instance<InboundUpdate> updates;

    @Inject
    @Any
    Instance<IntakeAutomation> automations;

    @Inject
    ConversationIntake intake;

    @Inject
    InboundSettings settings;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Processed process(long itemId) {
        return processLocked(List.of(itemId)).get(0);
    }

    /**
     * Processes several items in one transaction (items that arrived together): their look-ups are
     * a few queries for all of them and their rows go to the database in batches. All or nothing:
     * if the transaction fails, the caller processes them one by one.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Processed> processAll(List<Long> itemIds) {
        return processLocked(itemIds);
    }

    private List<Processed> processLocked(List<Long> itemIds) {
        Map<Long, InboundItem> items = new HashMap<>();
        em.createQuery("SELECT i FROM InboundItem i WHERE i.id IN :ids", InboundItem.class).setParameter("ids", itemIds)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList().forEach(item -> items.put(item.getId(), item));
        Map<Long, Processed> outcomes = new HashMap<>();
        Map<Long, InboundMessage> parsed = new LinkedHashMap<>();
        for (long itemId : itemIds) {
            InboundItem item = items.get(itemId);
            if (item == null) {
                throw new IllegalArgumentException("No inbound item " + itemId);
            }
            InboundUpdate update = updateFor(item.getContentType()); // CDI look-up: once per item
            if (item.getState() == InboundState.PROCESSED) {
                IntakeResult before = item.getOutcome() != null ? IntakeResult.ignored(item.getOutcome()) : existing(item);
                outcomes.put(itemId, new Processed(itemId, InboundState.PROCESSED, before, null));
            } else if (item.getState() == InboundState.QUARANTINED) {
                outcomes.put(itemId, quarantined(item));
            } else if (update != null) {
                outcomes.put(itemId, apply(item, update));
            } else {
                parse(item).ifPresentOrElse(message -> parsed.put(itemId, message), () -> outcomes.put(itemId, quarantined(item)));
            }
        }
        preload(items, parsed);
        parsed.forEach((itemId, message) -> outcomes.put(itemId, take(items.get(itemId), message)));
        List<Long> touched = parsed.keySet().stream().map(outcomes::get).map(Processed::result)
                .filter(r -> r != null && r.ticketId() != null && !r.duplicate()).map(IntakeResult::ticketId).distinct().toList();
        if (!touched.isEmpty()) {
            activity.fire(new TicketActivity(touched));
        }
        return itemIds.stream().map(outcomes::get).toList();
    }

    /** An update applies here, in the batch's transaction; one whose subject is not here yet waits for its next attempt. */
    private Processed apply(InboundItem item, InboundUpdate update) {
        try {
            item.markProcessed(update.apply(item.getChannel(), item.getPayload()));
            return new Processed(item.getId(), InboundState.PROCESSED, IntakeResult.ignored(item.getOutcome()), null);
        } catch (InboundUpdate.NotYet notYet) {
            item.recordFailure(notYet.getMessage(), settings.maxAttempts(), settings.backoffAfter(item.getAttempts() + 1));
            return new Processed(item.getId(), item.getState(), null, item.getLastError());
        } catch (InvalidPayloadException invalid) {
            item.quarantine(invalid.getMessage());
            return quarantined(item);
        }
    }

    /** The payload as a message, or empty with the item quarantined for the reason. */
    private Optional<InboundMessage> parse(InboundItem item) {
        PayloadParser parser = parserFor(item.getContentType());
        if (parser == null) {
            item.quarantine("No parser for content type " + item.getContentType());
            return Optional.empty();
        }
        try {
            return Optional.of(parser.parse(item.getChannel(), item.getPayload()));
        } catch (InvalidPayloadException invalid) {
            item.quarantine(invalid.getMessage());
            return Optional.empty();
        }
    }

    private void preload(Map<Long, InboundItem> items, Map<Long, InboundMessage> parsed) {
        Map<Channel, List<InboundMessage>> byChannel = new LinkedHashMap<>();
        parsed.forEach((itemId, message) -> byChannel.computeIfAbsent(items.get(itemId).getChannel(), c -> new ArrayList<>()).add(message));
        byChannel.forEach((channel, messages) -> {
            intake.preload(channel, messages);
            for (IntakeAutomation automation : automations) {
                if (automation.kind().equals(channel.getType())) {
                    automation.preload(channel, messages);
                }
            }
        });
    }

    private Processed take(InboundItem item, InboundMessage message) {
        IntakeResult result;
        try {
            result = intake.accept(item.getChannel(), message);
        } catch (InvalidPayloadException refused) {
            item.quarantine(refused.getMessage());
            return quarantined(item);
        }
        if (result.ignored()) {
            item.markProcessed(result.ignoredBecause());
        } else {
            result = automate(item.getChannel(), message, result);
            item.markProcessed();
        }
        return new Processed(item.getId(), InboundState.PROCESSED, result, null);
    }

    /**
     * The channel kind's automation (a chat bot), if it has one, answers a new message in this
     * transaction; a later item about a message already here (a call's next event) goes to {@code again}.
     */
    private IntakeResult automate(Channel channel, InboundMessage message, IntakeResult result) {
        for (IntakeAutomation automation : automations) {
            if (automation.kind().equals(channel.getType())) {
                return result.duplicate() ? automation.again(channel, message, result) : automation.taken(channel, message, result);
            }
        }
        return result;
    }

    private static Processed quarantined(InboundItem item) {
        return new Processed(item.getId(), InboundState.QUARANTINED, null, item.getLastError());
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

    private InboundUpdate updateFor(String contentType) {
        for (InboundUpdate update : updates) {
            if (update.contentType().equalsIgnoreCase(contentType)) {
                return update;
            }
        }
        return null;
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
