package org.switchboard.outbound.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.switchboard.conversations.entity.DeliveryState;
import org.switchboard.conversations.entity.Message;
import org.switchboard.conversations.entity.MessageDirection;
import org.switchboard.tickets.control.TicketActivity;
import org.switchboard.tickets.entity.Phrase;
import org.switchboard.tickets.entity.TicketEvent;
import org.switchboard.tickets.entity.TicketEventType;

/**
 * Statuses a provider reports for messages we sent: delivered, read, failed. They may come twice
 * or out of order; {@link Message#recordStatus} never moves a message back.
 */
@ApplicationScoped
@Transactional
public class DeliveryStatuses {

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<TicketActivity> activity;

    public enum Result {
        /** No message of ours with that id on that channel. */
        UNKNOWN,
        /** The provider's id is another message's already. */
        ID_TAKEN,
        CHANGED,
        /** A repeat, or a status behind what the message already reached. */
        UNCHANGED
    }

    public Result record(long channelId, long messageId, DeliveryState state, String error, String providerId) {
        Message message = em.find(Message.class, messageId, LockModeType.PESSIMISTIC_WRITE);
        if (message == null || message.getDirection() != MessageDirection.OUTBOUND || message.getChannel() == null
                || message.getChannel().getId() != channelId) {
            return Result.UNKNOWN;
        }
        if (providerId != null && message.getExternalId() == null) {
            boolean taken = !em.createNamedQuery("Message.byExternalId", Message.class).setParameter("channel", message.getChannel())
                    .setParameter("externalId", providerId).setMaxResults(1).getResultList().isEmpty();
            if (taken) {
                return Result.ID_TAKEN;
            }
        }
        boolean changed = message.recordStatus(state, error);
        if (providerId != null) {
            changed |= message.identifyAtProvider(providerId);
        }
        if (changed && state == DeliveryState.FAILED && message.getDeliveryState() == DeliveryState.FAILED && message.getTicket() != null) {
            em.persist(new TicketEvent(message.getTicket(), TicketEventType.MESSAGE_FAILED, message.getAuthor(),
                    Phrase.of("timeline.replyNotDelivered", "reason", message.getDeliveryError())));
        }
        if (changed && message.getTicket() != null) {
            activity.fire(new TicketActivity(message.getTicket().getId()));
        }
        return changed ? Result.CHANGED : Result.UNCHANGED;
    }
}
