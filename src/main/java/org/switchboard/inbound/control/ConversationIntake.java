package org.switchboard.inbound.control;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.switchboard.channels.entity.Channel;
import org.switchboard.contacts.control.ContactResolver;
import org.switchboard.contacts.entity.Contact;
import org.switchboard.conversations.control.HtmlSanitizer;
import org.switchboard.conversations.entity.Conversation;
import org.switchboard.conversations.entity.Message;
import org.switchboard.tickets.control.TicketFactory;
import org.switchboard.tickets.entity.Ticket;
import org.switchboard.tickets.entity.TicketEvent;
import org.switchboard.tickets.entity.TicketEventType;

/**
 * Turns a parsed inbound message into stored state, inside the processing transaction: contact,
 * conversation (by thread key), message, and for help-desk channels the ticket — new, touched,
 * reopened, or a follow-up ticket when the old one closed longer ago than the reopen window.
 */
@ApplicationScoped
public class ConversationIntake {

    @PersistenceContext
    EntityManager em;

    @Inject
    ContactResolver contacts;

    @Inject
    TicketFactory tickets;

    @Inject
    InboundSettings settings;

    public IntakeResult accept(Channel channel, InboundMessage inbound) {
        Optional<Message> existing = em.createNamedQuery("Message.byExternalId", Message.class)
                .setParameter("channel", channel).setParameter("externalId", inbound.externalId()).getResultStream().findFirst();
        if (existing.isPresent()) {
            return IntakeResult.existing(existing.get());
        }
        Contact contact = contacts.resolve(channel, inbound.from());
        String threadKey = inbound.threadKey() != null ? inbound.threadKey() : "message:" + inbound.externalId();
        Conversation conversation = em.createNamedQuery("Conversation.byThreadKey", Conversation.class)
                .setParameter("channel", channel).setParameter("threadKey", threadKey).getResultStream().findFirst()
                .orElse(null);
        Ticket ticket = conversation == null ? null : conversation.getTicket();
        boolean newTicket = false;
        if (conversation == null) {
            if (channel.createsTickets()) {
                // The ticket first: its number comes from a query, which flushes; the conversation is then inserted once, complete.
                ticket = tickets.fromChannel(channel, contact, inbound.subject(), inbound.text());
                newTicket = true;
            }
            conversation = new Conversation(channel, contact, threadKey);
            if (ticket != null) {
                conversation.attachTo(ticket);
            }
            em.persist(conversation);
        } else if (channel.createsTickets()) {
            if (ticket == null) {
                ticket = tickets.fromChannel(channel, contact, inbound.subject(), inbound.text());
                conversation.attachTo(ticket);
                newTicket = true;
            } else if (ticket.isClosed() && closedLongAgo(ticket)) {
                Ticket previous = ticket;
                conversation.archiveThreadKey("t" + previous.getNumber());
                em.flush(); // free the thread key before the new conversation takes it
                ticket = tickets.fromChannel(channel, contact, inbound.subject(), inbound.text());
                ticket.follows(previous);
                conversation = new Conversation(channel, contact, threadKey);
                conversation.attachTo(ticket);
                em.persist(conversation);
                newTicket = true;
                em.persist(new TicketEvent(ticket, TicketEventType.LINKED, null, "Follows #" + previous.getNumber()
                        + ", closed more than " + settings.reopenWindow().toDays() + " days before this reply"));
                em.persist(new TicketEvent(previous, TicketEventType.LINKED, null, "Followed up by #" + ticket.getNumber()));
            } else if (ticket.isClosed()) {
                ticket.reopen();
                em.persist(new TicketEvent(ticket, TicketEventType.REOPENED, null, "Reopened by a reply from " + contact.displayName()));
            } else {
                ticket.touch();
            }
        }
        Instant sentAt = inbound.occurredAt() != null ? inbound.occurredAt() : Instant.now();
        Message message = Message.inbound(conversation, inbound.externalId(), inbound.subject(),
                inbound.text(), HtmlSanitizer.sanitize(inbound.html()), sentAt);
        message.tagLanguage(inbound.language());
        em.persist(message);
        conversation.recordMessageAt(sentAt);
        if (ticket != null && !newTicket) {
            em.persist(new TicketEvent(ticket, TicketEventType.MESSAGE_RECEIVED, null, "Message from " + contact.displayName()));
        }
        em.flush();
        return new IntakeResult(ticket == null ? null : ticket.getId(), conversation.getId(), message.getId(), false,
                newTicket && ticket.isAwaitingRouting());
    }

    private boolean closedLongAgo(Ticket ticket) {
        return ticket.getClosedAt() != null && ticket.getClosedAt().isBefore(Instant.now().minus(settings.reopenWindow()));
    }
}
