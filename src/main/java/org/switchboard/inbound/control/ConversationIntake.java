package org.switchboard.inbound.control;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;

import org.switchboard.channels.entity.Channel;
import org.switchboard.contacts.control.ContactResolver;
import org.switchboard.contacts.entity.Contact;
import org.switchboard.conversations.control.HtmlSanitizer;
import org.switchboard.conversations.entity.Attachment;
import org.switchboard.conversations.entity.Conversation;
import org.switchboard.conversations.entity.Message;
import org.switchboard.conversations.entity.MessageDirection;
import org.switchboard.inbound.control.InboundMessage.ChannelFacts;
import org.switchboard.inbound.control.InboundMessage.InboundAttachment;
import org.switchboard.platform.persistence.BatchTables;
import org.switchboard.tickets.control.TicketRules;
import org.switchboard.tickets.control.TicketFactory;
import org.switchboard.tickets.entity.Ticket;
import org.switchboard.tickets.entity.Phrase;
import org.switchboard.tickets.entity.TicketEvent;
import org.switchboard.tickets.entity.TicketEventType;

/**
 * Turns a parsed inbound message into stored state, inside the processing transaction: contact,
 * conversation (see {@link ThreadFinder}), message with attachments, and for help-desk channels the
 * ticket — new, touched, reopened, or a follow-up ticket when the old one closed longer ago than
 * the reopen window. Automatic mail never opens or reopens a ticket; a delivery report marks the
 * message it reports on. A batch writer (imports) calls {@link #preload} first: the look-ups of the
 * whole batch are then a few queries, and its rows go to the database together at the end.
 */
@ApplicationScoped
public class ConversationIntake {

    private static final String BY_EXTERNAL_ID = ConversationIntake.class.getName() + ".byExternalId";

    @PersistenceContext
    EntityManager em;

    @Inject
    ContactResolver contacts;

    @Inject
    ThreadFinder threads;

    @Inject
    TicketFactory tickets;

    @Inject
    TicketRules rules;

    @Inject
    BatchTables tables;

    /** Reads in a few queries what the intake of these messages will look up: earlier copies, threads, senders, tickets. */
    public void preload(Channel channel, List<InboundMessage> batch) {
        List<String> externalIds = batch.stream().map(InboundMessage::externalId).toList();
        tables.preload(BY_EXTERNAL_ID + channel.getId(), externalIds,
                slice -> em.createQuery("SELECT m FROM Message m WHERE m.channel = :channel AND m.externalId IN :ids", Message.class)
                        .setParameter("channel", channel).setParameter("ids", slice).getResultList(),
                Message::getExternalId);
        threads.preload(channel, batch);
        contacts.preload(batch.stream().map(inbound -> inbound.from().email()).filter(Objects::nonNull).toList(),
                batch.stream().map(inbound -> inbound.from().phone()).filter(Objects::nonNull).toList());
        tickets.preload(channel, externalIds);
    }

    /** Live mail and messages: a sender opening too many tickets in an hour is held as a flood. */
    public IntakeResult accept(Channel channel, InboundMessage inbound) {
        return accept(channel, inbound, true);
    }

    /** Historical mail (imports): its tickets are opened now for mail of years, so no flood limit applies. */
    public IntakeResult acceptHistory(Channel channel, InboundMessage inbound) {
        return accept(channel, inbound, false);
    }

    private IntakeResult accept(Channel channel, InboundMessage inbound, boolean live) {
        Optional<Message> existing = earlierCopy(channel, inbound);
        if (existing.isPresent()) {
            return IntakeResult.existing(existing.get());
        }
        ChannelFacts facts = inbound.facts();
        if (facts.isDeliveryReport()) {
            return deliveryReport(channel, inbound);
        }
        if (threads.isOwnMessage(channel, facts.channelMessageId())) {
            return IntakeResult.ignored("Our own message " + facts.channelMessageId() + " came back: not taken in again");
        }
        if (facts.sentByTeam()) {
            return acceptTeamMail(channel, inbound);
        }
        // an automatic mail that answers nothing is dropped without leaving a contact behind
        Contact contact = facts.isAutomatic() ? contacts.existing(channel, inbound.from()).orElse(null) : contacts.resolve(channel, inbound.from());
        Conversation conversation = threads.find(channel, inbound, contact).orElse(null);
        if (facts.isAutomatic()) {
            return conversation == null
                    ? IntakeResult.ignored("Automatic mail (" + facts.automatic() + ") that answers no conversation: no ticket opened")
                    : addAutomatic(conversation, inbound, contact != null ? contact : contacts.resolve(channel, inbound.from()));
        }
        Ticket ticket = conversation == null ? null : conversation.getTicket();
        boolean newTicket = false;
        if (conversation == null) {
            if (channel.createsTickets()) {
                // The ticket first: its number comes from a query, which flushes; the conversation is then inserted once, complete.
                ticket = newTicket(channel, contact, inbound, live);
                newTicket = true;
            }
            conversation = new Conversation(channel, contact, threads.newThreadKey(inbound));
            if (ticket != null) {
                conversation.attachTo(ticket);
            }
            start(conversation);
        } else if (channel.createsTickets()) {
            TicketRules.OnMessage effect = ticket == null ? null : rules.onMessage(ticket, Instant.now());
            if (ticket == null) {
                ticket = newTicket(channel, contact, inbound, live);
                conversation.attachTo(ticket);
                newTicket = true;
            } else if (effect == TicketRules.OnMessage.FOLLOW_UP) {
                Ticket previous = ticket;
                String formerKey = conversation.getThreadKey();
                conversation.archiveThreadKey("t" + previous.getNumber());
                threads.keyReleased(conversation, formerKey);
                em.flush(); // free the thread key before the new conversation takes it
                ticket = newTicket(channel, contact, inbound, live);
                ticket.follows(previous);
                conversation = new Conversation(channel, contact, threads.newThreadKey(inbound));
                conversation.attachTo(ticket);
                start(conversation);
                newTicket = true;
                em.persist(new TicketEvent(ticket, TicketEventType.LINKED, null, Phrase.of("timeline.follows",
                        "number", previous.getNumber(), "days", rules.reopenWindow().toDays())));
                em.persist(new TicketEvent(previous, TicketEventType.LINKED, null, Phrase.of("timeline.followedUpBy", "number", ticket.getNumber())));
            } else if (effect == TicketRules.OnMessage.REOPEN) {
                ticket.reopen();
                em.persist(new TicketEvent(ticket, TicketEventType.REOPENED, null, Phrase.of("timeline.reopenedBy", "contact", contact.displayName())));
            } else {
                ticket.touch();
            }
        }
        Message message = store(conversation, inbound);
        if (ticket != null && !newTicket) {
            em.persist(new TicketEvent(ticket, TicketEventType.MESSAGE_RECEIVED, null, Phrase.of("timeline.messageFrom", "contact", contact.displayName())));
        }
        return new IntakeResult(ticket == null ? null : ticket.getId(), conversation.getId(), message.getId(), false,
                newTicket && ticket.isAwaitingRouting(), null, newTicket);
    }

    /**
     * Mail the team itself sent, found in an imported mailbox (a Sent folder) — or a message the team
     * sent from elsewhere that the channel reports back (a Messenger echo): kept as a reply in the
     * conversation it answers, never as a message from a contact.
     */
    public IntakeResult acceptTeamMail(Channel channel, InboundMessage inbound) {
        Optional<Message> existing = earlierCopy(channel, inbound);
        if (existing.isPresent()) {
            return IntakeResult.existing(existing.get());
        }
        Conversation conversation = threads.find(channel, inbound, null).orElse(null);
        if (conversation == null) {
            return IntakeResult.ignored("Mail the team sent that answers no conversation taken in");
        }
        Instant sentAt = inbound.occurredAt() != null ? inbound.occurredAt() : Instant.now();
        Message reply = Message.historicalReply(conversation, inbound.externalId(), inbound.subject(), inbound.text(),
                HtmlSanitizer.sanitize(inbound.html()), sentAt);
        reply.identifyAs(inbound.facts().channelMessageId());
        reply.addNotes(inbound.notes());
        persist(reply);
        attach(reply, inbound); // the team's own files (a quote, an invoice) are part of the history too
        conversation.recordMessageAt(sentAt);
        Ticket ticket = conversation.getTicket();
        return new IntakeResult(ticket == null ? null : ticket.getId(), conversation.getId(), reply.getId(), false, false);
    }

    private Optional<Message> earlierCopy(Channel channel, InboundMessage inbound) {
        return tables.lookup(BY_EXTERNAL_ID + channel.getId(), inbound.externalId(), () -> em.createNamedQuery("Message.byExternalId", Message.class)
                .setParameter("channel", channel).setParameter("externalId", inbound.externalId()).getResultStream().findFirst());
    }

    private void start(Conversation conversation) {
        em.persist(conversation);
        threads.started(conversation);
    }

    private void persist(Message message) {
        em.persist(message);
        threads.stored(message);
        tables.learn(BY_EXTERNAL_ID + message.getChannel().getId(), message.getExternalId(), message);
    }

    /**
     * The flood limit counts the sender's tickets of the last hour: those in the database (the
     * contact's row locked first, so concurrent batches with the same sender count one after the
     * other) plus those this transaction opened, which are not written yet.
     */
    private Ticket newTicket(Channel channel, Contact contact, InboundMessage inbound, boolean live) {
        if (live) {
            long recent = contact.ticketsOpenedNow() + (contact.isNew() ? 0 : ticketsInTheLastHour(contact));
            Optional<String> hold = rules.floodHold(contact.displayName(), recent);
            if (hold.isPresent()) {
                throw new InvalidPayloadException(null, hold.get());
            }
        }
        Ticket ticket = tickets.fromChannel(channel, contact, inbound.subject(), inbound.text(), inbound.externalId());
        contact.countTicketOpened(); // once for a ticket found by its origin too: at worst one count too many
        return ticket;
    }

    private long ticketsInTheLastHour(Contact contact) {
        if (contact.needsLockForCounting()) {
            // the row only, by SQL: em.lock would refresh the entity and lose what the intake just changed on it
            em.createNativeQuery("SELECT id FROM contacts WHERE id = ? FOR UPDATE").setParameter(1, contact.getId())
                    .setFlushMode(FlushModeType.COMMIT).getResultList();
        }
        // COMMIT: the count must not flush the batch's rows; its own tickets are counted in memory
        return em.createQuery("SELECT COUNT(t) FROM Ticket t WHERE t.contact = :contact AND t.createdAt > :since", Long.class)
                .setParameter("contact", contact).setParameter("since", Instant.now().minus(Duration.ofHours(1)))
                .setFlushMode(FlushModeType.COMMIT).getSingleResult();
    }

    /** Automatic mail in a known conversation: kept for the agents, without reopening or touching the ticket. */
    private IntakeResult addAutomatic(Conversation conversation, InboundMessage inbound, Contact contact) {
        Message message = store(conversation, inbound);
        message.markAutomatic();
        Ticket ticket = conversation.getTicket();
        if (ticket != null) {
            em.persist(new TicketEvent(ticket, TicketEventType.MESSAGE_RECEIVED, null,
                    Phrase.of("timeline.automaticFrom", "contact", contact.displayName(), "kind", inbound.facts().automatic())));
        }
        return new IntakeResult(ticket == null ? null : ticket.getId(), conversation.getId(), message.getId(), false, false);
    }

    /** A bounce: the reported message is marked, the report kept beside it; never a new ticket. */
    private IntakeResult deliveryReport(Channel channel, InboundMessage inbound) {
        ChannelFacts facts = inbound.facts();
        Message original = facts.failedDeliveryOf() == null ? null
                : threads.byChannelMessageIds(channel, List.of(facts.failedDeliveryOf())).stream()
                .filter(m -> m.getDirection() == MessageDirection.OUTBOUND).findFirst().orElse(null);
        if (original == null || original.getConversation() == null) {
            return IntakeResult.ignored("Delivery report for a message this channel did not send ("
                    + (facts.failedDeliveryOf() == null ? "no Message-ID given" : facts.failedDeliveryOf()) + "): " + facts.failureReason());
        }
        original.markBounced(facts.failureReason());
        Message report = store(original.getConversation(), inbound);
        report.markAutomatic();
        Ticket ticket = original.getTicket();
        if (ticket != null) {
            em.persist(new TicketEvent(ticket, TicketEventType.BOUNCED, null, Phrase.verbatim(facts.failureReason())));
        }
        return new IntakeResult(ticket == null ? null : ticket.getId(), original.getConversation().getId(), report.getId(), false, false);
    }

    private Message store(Conversation conversation, InboundMessage inbound) {
        Instant sentAt = inbound.occurredAt() != null ? inbound.occurredAt() : Instant.now();
        Message message = Message.inbound(conversation, inbound.externalId(), inbound.subject(),
                inbound.text(), HtmlSanitizer.sanitize(inbound.html()), sentAt);
        message.tagLanguage(inbound.language());
        message.identifyAs(inbound.facts().channelMessageId());
        message.addNotes(inbound.notes());
        persist(message);
        attach(message, inbound);
        conversation.recordMessageAt(sentAt);
        return message;
    }

    private void attach(Message message, InboundMessage inbound) {
        for (InboundAttachment file : inbound.attachments()) {
            if (file.remote() != null) {
                em.persist(new org.switchboard.conversations.entity.RemoteFile(message, file.remote(), file.filename(), file.contentType()));
            } else {
                em.persist(new Attachment(message, file.filename(), file.contentType(), file.contentId(), file.content()));
            }
        }
    }
}
