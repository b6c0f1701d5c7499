package org.switchboard.channels.messenger.control;

import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.switchboard.channels.entity.Channel;
import org.switchboard.channels.entity.RoutingMode;
import org.switchboard.contacts.control.ChannelConsents;
import org.switchboard.contacts.entity.Contact;
import org.switchboard.conversations.entity.Conversation;
import org.switchboard.conversations.entity.Message;
import org.switchboard.conversations.entity.ReplyQueued;
import org.switchboard.inbound.control.InboundMessage;
import org.switchboard.inbound.control.IntakeAutomation;
import org.switchboard.inbound.control.IntakeResult;
import org.switchboard.tickets.entity.Phrase;
import org.switchboard.tickets.entity.Ticket;
import org.switchboard.tickets.entity.TicketEvent;
import org.switchboard.tickets.entity.TicketEventType;

/**
 * What the page does by itself when a person writes, in the transaction that takes the message in:
 * asks for a new contact's name from their Messenger profile (after the commit: {@link MessengerProfiles}), sends the
 * instant reply after the first message of a conversation, and asks for consent — implicit: the
 * text is sent once and writing accepts it; explicit: the conversation is held from routing until
 * the person answers "I agree" (a quick reply), then routed. Everything it says is an automatic
 * message, so it only ever goes within the 24-hour window ({@link MessengerSender}).
 */
@ApplicationScoped
public class MessengerIntake implements IntakeAutomation {

    /** The consent prompt's quick reply (Meta allows 20 characters); either word is taken as agreement. */
    public static final String AGREE = "I agree / Hyväksyn";
    private static final Set<String> AGREEMENTS = Set.of("i agree / hyväksyn", "i agree", "hyväksyn", "agree", "yes, i agree");
    /** A consent prompt's channel message id starts so; the sender adds the quick reply to it. */
    static final String CONSENT_PROMPT = MessengerMessageParser.OUR_METADATA + "consent-";

    @PersistenceContext
    EntityManager em;

    @Inject
    ChannelConsents consents;

    @Inject
    Event<MessengerProfiles.Unnamed> unnamed;

    @Inject
    Event<ReplyQueued> replyQueued;

    @Override
    public String kind() {
        return MessengerConnector.KIND;
    }

    @Override
    public IntakeResult taken(Channel channel, InboundMessage inbound, IntakeResult result) {
        MessengerSettings settings = MessengerChannelService.settingsOf(channel);
        String psid = inbound.from().externalUserId();
        if (settings == null || inbound.facts().sentByTeam() || result.conversationId() == null || psid == null) {
            return result;
        }
        Conversation conversation = em.find(Conversation.class, result.conversationId());
        nameFromProfile(conversation.getContact(), psid, settings);
        Ticket ticket = result.ticketId() == null ? null : em.find(Ticket.class, result.ticketId());
        if (result.newTicket() && settings.instantReply() != null) {
            say(conversation, settings.instantReply(), null);
        }
        String mode = settings.consent();
        if (MessengerSettings.NO_CONSENT.equals(mode) || consents.given(channel.getId(), psid)) {
            return result;
        }
        Long contactId = conversation.getContact() == null ? null : conversation.getContact().getId();
        if (MessengerSettings.IMPLICIT.equals(mode)) {
            say(conversation, settings.consentText(), null);
            consents.record(channel.getId(), psid, contactId, mode, settings.consentText(), null);
            event(ticket, "timeline.messengerConsentImplicit");
            return result;
        }
        if (agrees(inbound.text()) && promptedBefore(conversation)) {
            consents.record(channel.getId(), psid, contactId, mode, settings.consentText(), null);
            event(ticket, "timeline.messengerConsentGiven");
            boolean route = ticket != null && channel.getRoutingMode() != RoutingMode.NO_ONE && ticket.getOwner() == null && !ticket.isClosed();
            if (route) {
                ticket.awaitRouting();
            }
            return result.withRouting(route);
        }
        say(conversation, settings.consentText(), CONSENT_PROMPT + UUID.randomUUID());
        event(ticket, "timeline.messengerConsentAsked");
        if (ticket != null) {
            ticket.leaveRoutingQueue();
        }
        return result.withRouting(false);
    }

    static boolean agrees(String text) {
        return text != null && AGREEMENTS.contains(text.strip().toLowerCase(Locale.ROOT));
    }

    private boolean promptedBefore(Conversation conversation) {
        return !em.createQuery("SELECT m.id FROM Message m WHERE m.conversation = :c AND m.automatic = true AND m.channelMessageId LIKE :prompt", Long.class)
                .setParameter("c", conversation).setParameter("prompt", CONSENT_PROMPT + "%").setMaxResults(1).getResultList().isEmpty();
    }

    /** A contact with no name is named from the person's profile after this transaction ({@link MessengerProfiles}). */
    private void nameFromProfile(Contact contact, String psid, MessengerSettings settings) {
        if (contact != null && contact.getFullName() == null && settings.sealedPageToken() != null) {
            unnamed.fire(new MessengerProfiles.Unnamed(contact.getId(), psid, settings.sealedPageToken()));
        }
    }

    /** The profile's name, unless the contact got one meanwhile. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void nameIfUnnamed(long contactId, String name) {
        Contact contact = em.find(Contact.class, contactId);
        if (contact != null && contact.getFullName() == null) {
            contact.rename(name);
        }
    }

    private void say(Conversation conversation, String text, String channelMessageId) {
        Message message = Message.automaticReply(conversation, null, text);
        if (channelMessageId != null) {
            message.identifyAs(channelMessageId);
        }
        message.queueForDelivery();
        em.persist(message);
        replyQueued.fire(new ReplyQueued(message.getId()));
        conversation.recordMessageAt(java.time.Instant.now());
    }

    private void event(Ticket ticket, String phrase) {
        if (ticket != null) {
            em.persist(new TicketEvent(ticket, TicketEventType.AUTOMATED, null, Phrase.of(phrase)));
        }
    }
}
