package org.switchboard.channels.messenger.control;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.switchboard.channels.entity.Channel;
import org.switchboard.channels.entity.RoutingMode;
import org.switchboard.channels.meta.MetaGraph;
import org.switchboard.channels.meta.MetaGraph.Answer;
import org.switchboard.contacts.control.ChannelConsents;
import org.switchboard.contacts.entity.Contact;
import org.switchboard.conversations.entity.Conversation;
import org.switchboard.conversations.entity.Message;
import org.switchboard.conversations.entity.ReplyQueued;
import org.switchboard.inbound.control.InboundMessage;
import org.switchboard.inbound.control.IntakeAutomation;
import org.switchboard.inbound.control.IntakeResult;
import org.switchboard.platform.crypto.SecretBox;
import org.switchboard.tickets.entity.Phrase;
import org.switchboard.tickets.entity.Ticket;
import org.switchboard.tickets.entity.TicketEvent;
import org.switchboard.tickets.entity.TicketEventType;

/**
 * What the page does by itself when a person writes, in the transaction that takes the message in:
 * names a new contact from their Messenger profile (first and last name, fetched once), sends the
 * instant reply after the first message of a conversation, and asks for consent — implicit: the
 * text is sent once and writing accepts it; explicit: the conversation is held from routing until
 * the person answers "I agree" (a quick reply), then routed. Everything it says is an automatic
 * message, so it only ever goes within the 24-hour window ({@link MessengerSender}).
 */
@ApplicationScoped
public class MessengerIntake implements IntakeAutomation {

    private static final Logger LOG = Logger.getLogger(MessengerIntake.class.getName());
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
    MetaGraph graph;

    @Inject
    SecretBox secrets;

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

    /** A person's Messenger profile names the contact once; if Meta does not answer now, the next message tries again. */
    private void nameFromProfile(Contact contact, String psid, MessengerSettings settings) {
        if (contact == null || contact.getFullName() != null || settings.sealedPageToken() == null) {
            return;
        }
        try {
            Answer answer = graph.get(psid + "?fields=first_name,last_name,profile_pic", secrets.open(settings.sealedPageToken()), Duration.ofSeconds(3));
            String name = (answer.body().getString("first_name", "") + " " + answer.body().getString("last_name", "")).strip();
            if (answer.ok() && !name.isEmpty()) {
                contact.rename(name);
            }
        } catch (IOException e) {
            LOG.info(() -> "Messenger profile of " + psid + " not fetched now: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
