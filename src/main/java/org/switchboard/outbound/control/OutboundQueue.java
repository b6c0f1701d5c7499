package org.switchboard.outbound.control;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.switchboard.conversations.entity.DeliveryState;
import org.switchboard.conversations.entity.Message;
import org.switchboard.conversations.entity.MessageDirection;
import org.switchboard.tickets.control.TicketActivity;
import org.switchboard.tickets.entity.Phrase;
import org.switchboard.tickets.entity.TicketEvent;
import org.switchboard.tickets.entity.TicketEventType;

/**
 * The database side of the outbound queue, each step its own transaction with the message's row
 * locked: claim (so two threads or instances never send one message at once), then record the
 * outcome. Knows no channel kind: the message's channel names its {@link MessageSender}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class OutboundQueue {

    /** How long one attempt may take before the message is due again (a sender that crashed mid-attempt). */
    static final Duration ATTEMPT_TIMEOUT = Duration.ofMinutes(5);

    @PersistenceContext
    EntityManager em;

    @Inject
    @Any
    Instance<MessageSender> senders;

    @Inject
    Event<TicketActivity> activity;

    @Inject
    @ConfigProperty(name = "switchboard.outbound.max-attempts", defaultValue = "8")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "switchboard.outbound.retry-base-seconds", defaultValue = "30")
    long retryBaseSeconds;

    /** A message claimed for one attempt. */
    public record Claimed(long messageId, MessageSender.Attempt attempt) {
    }

    public List<Long> due(int limit) {
        return em.createQuery("SELECT m.id FROM Message m WHERE m.deliveryState = :pending AND m.nextDeliveryAt <= :now"
                        + " ORDER BY m.nextDeliveryAt, m.id", Long.class)
                .setParameter("pending", DeliveryState.PENDING).setParameter("now", Instant.now()).setMaxResults(limit).getResultList();
    }

    /** Claims a due message and prepares its attempt; empty when there is nothing to send now (or it failed for good). */
    public Optional<Claimed> claim(long messageId) {
        Message message = em.find(Message.class, messageId, LockModeType.PESSIMISTIC_WRITE);
        if (message == null || message.getDirection() != MessageDirection.OUTBOUND || message.getDeliveryState() != DeliveryState.PENDING
                || message.getNextDeliveryAt() == null || message.getNextDeliveryAt().isAfter(Instant.now())) {
            return Optional.empty();
        }
        String kind = message.getChannel() == null ? null : message.getChannel().getType();
        MessageSender sender = senderOf(kind);
        if (sender == null) {
            fail(message, "Channels of kind " + kind + " cannot send replies in this version of Switchboard");
            return Optional.empty();
        }
        MessageSender.Attempt attempt;
        try {
            attempt = sender.prepare(message);
        } catch (PermanentFailure cannot) {
            fail(message, cannot.getMessage());
            return Optional.empty();
        }
        message.claimForDelivery(ATTEMPT_TIMEOUT);
        return Optional.of(new Claimed(messageId, attempt));
    }

    /** Records what the attempt came to. */
    public void record(long messageId, SendOutcome outcome) {
        Message message = em.find(Message.class, messageId, LockModeType.PESSIMISTIC_WRITE);
        if (message == null) {
            return;
        }
        if (outcome instanceof SendOutcome.Sent sent) {
            message.markSent(sent.providerId(), Instant.now(), sent.copy());
            timeline(message, TicketEventType.MESSAGE_SENT, Phrase.of("timeline.replySentThrough", "channel", message.getChannel().getName()));
        } else if (outcome instanceof SendOutcome.Transient retry) {
            message.deliveryAttemptFailed(retry.reason(), maxAttempts, backoff().after(message.getDeliveryAttempts() + 1, retry.retryAfter()));
            if (message.getDeliveryState() == DeliveryState.FAILED) {
                timeline(message, TicketEventType.MESSAGE_FAILED,
                        Phrase.of("timeline.replyGaveUp", "attempts", message.getDeliveryAttempts(), "reason", retry.reason()));
            }
        } else if (outcome instanceof SendOutcome.Waiting waiting) {
            message.deliveryWaits(waiting.reason(), waiting.after());
        } else if (outcome instanceof SendOutcome.Permanent refused) {
            message.attemptRefused(refused.reason());
            timeline(message, TicketEventType.MESSAGE_FAILED, Phrase.of("timeline.replyRefused", "reason", refused.reason()));
        }
    }

    /**
     * The channel can send again (a new token was saved): its replies waiting for it are due now
     * instead of at their next try. Returns how many. Joins the caller's transaction, so the
     * replies become due only together with the new token.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int resume(long channelId) {
        return em.createQuery("UPDATE Message m SET m.nextDeliveryAt = :now WHERE m.channel.id = :channel"
                        + " AND m.deliveryState = :pending AND m.nextDeliveryAt > :now")
                .setParameter("now", Instant.now()).setParameter("channel", channelId).setParameter("pending", DeliveryState.PENDING)
                .executeUpdate();
    }

    Backoff backoff() {
        return new Backoff(Duration.ofSeconds(retryBaseSeconds), Duration.ofMinutes(30));
    }

    private void fail(Message message, String reason) {
        message.markFailed(reason);
        timeline(message, TicketEventType.MESSAGE_FAILED, Phrase.of("timeline.replyFailed", "reason", reason));
    }

    private void timeline(Message message, TicketEventType type, Phrase detail) {
        if (message.getTicket() != null) {
            em.persist(new TicketEvent(message.getTicket(), type, message.getAuthor(), detail));
            activity.fire(new TicketActivity(message.getTicket().getId()));
        }
    }

    private MessageSender senderOf(String kind) {
        for (MessageSender sender : senders) {
            if (sender.kind().equals(kind)) {
                return sender;
            }
        }
        return null;
    }
}
