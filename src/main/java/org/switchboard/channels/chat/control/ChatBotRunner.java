package org.switchboard.channels.chat.control;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.switchboard.channels.chat.control.ChatBot.Said;
import org.switchboard.channels.chat.control.ChatBot.Turn;
import org.switchboard.channels.chat.control.ChatBotRuns.Run;
import org.switchboard.channels.chat.control.ChatBotRuns.State;
import org.switchboard.channels.chat.control.ChatFlow.Field;
import org.switchboard.channels.entity.Channel;
import org.switchboard.channels.entity.RoutingMode;
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
 * The chat channel's bot at work: a visitor's first message on a new ticket starts the channel's
 * flow, and while it waits for an answer the ticket stays out of routing; each later message is the
 * answer. What the bot says goes out as automatic replies through the outbound queue (the widget
 * reads them by sequence number), what it collects lands on the contact and ticket, and its
 * handoff sends the ticket to routing. Runs in the transaction that takes the message in, so a
 * crash or a resend never loses or repeats an answer. Away messages (answered by email) and
 * conversations the bot is done with are people's.
 */
@ApplicationScoped
public class ChatBotRunner implements IntakeAutomation {

    @PersistenceContext
    EntityManager em;

    @Inject
    ChatFlows flows;

    @Inject
    ChatBotRuns runs;

    @Inject
    Event<ReplyQueued> replyQueued;

    @Override
    public String kind() {
        return ChatConnector.KIND;
    }

    @Override
    public IntakeResult taken(Channel channel, InboundMessage inbound, IntakeResult result) {
        if (result.ticketId() == null || result.conversationId() == null || inbound.externalId().startsWith(ChatPayload.AWAY_PREFIX)) {
            return result;
        }
        Optional<Run> run = runs.lock(result.conversationId());
        String language = "fi".equals(inbound.language()) ? "fi" : "en";
        Turn turn;
        if (run.isEmpty()) {
            Optional<ChatFlow> flow = result.newTicket() ? flows.of(channel.getId()) : Optional.empty();
            if (flow.isEmpty()) {
                return result; // live chat only, or a conversation that began before the channel had a bot
            }
            turn = ChatBot.start(flow.get(), language);
        } else if (run.get().waiting()) {
            turn = flows.of(channel.getId())
                    .map(flow -> ChatBot.answer(flow, run.get().step(), inbound.text(), language))
                    .orElseGet(() -> new Turn(List.of(), Map.of(), null, ChatBot.End.HANDOFF)); // the bot was removed meanwhile
        } else {
            return result; // the bot is done here: people answer
        }
        Conversation conversation = em.find(Conversation.class, result.conversationId());
        Ticket ticket = em.find(Ticket.class, result.ticketId());
        Integer askedSeq = say(conversation, turn.said());
        keep(ticket, conversation.getContact(), turn.collected());
        if (run.isEmpty()) {
            em.persist(new TicketEvent(ticket, TicketEventType.AUTOMATED, null, Phrase.of("timeline.botStarted")));
        }
        return switch (turn.end()) {
            case WAITING -> {
                runs.save(channel.getId(), new Run(conversation.getId(), State.WAITING, turn.waitingAt(), language, askedSeq), run.isPresent());
                ticket.leaveRoutingQueue();
                yield result.withRouting(false);
            }
            case HANDOFF -> {
                runs.save(channel.getId(), new Run(conversation.getId(), State.HANDED_OFF, null, language, null), run.isPresent());
                em.persist(new TicketEvent(ticket, TicketEventType.AUTOMATED, null, Phrase.of("timeline.botHandedOff")));
                boolean route = channel.getRoutingMode() != RoutingMode.NO_ONE && ticket.getOwner() == null && !ticket.isClosed();
                if (route) {
                    ticket.awaitRouting();
                }
                yield result.withRouting(route);
            }
            case CLOSE -> {
                runs.save(channel.getId(), new Run(conversation.getId(), State.CLOSED, null, language, null), run.isPresent());
                ticket.leaveRoutingQueue();
                ticket.close();
                em.persist(new TicketEvent(ticket, TicketEventType.CLOSED, null, Phrase.of("timeline.botClosed")));
                yield result.withRouting(false);
            }
        };
    }

    /** Queues what the bot says as automatic replies; returns the place of the last one when it asks with buttons. */
    private Integer say(Conversation conversation, List<Said> said) {
        Integer askedSeq = null;
        for (Said line : said) {
            Message message = Message.automaticReply(conversation, null, line.text());
            message.queueForDelivery();
            em.persist(message);
            replyQueued.fire(new ReplyQueued(message.getId()));
            askedSeq = line.buttons().isEmpty() ? null : message.getSeq();
        }
        if (!said.isEmpty()) {
            conversation.recordMessageAt(java.time.Instant.now());
        }
        return askedSeq;
    }

    /** What the visitor told the bot goes where an agent looks for it: the contact's name and email, the ticket's priority and category. */
    private void keep(Ticket ticket, Contact contact, Map<Field, String> collected) {
        collected.forEach((field, value) -> {
            switch (field) {
                case NAME -> contact.rename(value);
                case EMAIL -> {
                    String email = Contact.normalizeEmail(value);
                    List<?> holders = em.createNativeQuery("SELECT contact_id FROM contact_emails WHERE email = ?").setParameter(1, email).getResultList();
                    if (holders.stream().anyMatch(id -> ((Number) id).longValue() != contact.getId())) {
                        em.persist(new TicketEvent(ticket, TicketEventType.AUTOMATED, null, Phrase.of("timeline.botEmailTaken", "value", email)));
                        return;
                    }
                    if (holders.isEmpty()) {
                        contact.addEmail(email);
                    }
                }
                case PRIORITY -> ChatBot.priorityOf(value).ifPresent(ticket::prioritize);
                case CATEGORY -> ticket.categorize(value.length() > 100 ? value.substring(0, 100) : value);
                default -> throw new IllegalStateException("Unknown field " + field);
            }
            em.persist(new TicketEvent(ticket, TicketEventType.AUTOMATED, null,
                    new Phrase("timeline.botKept", Map.of("value", value), List.of(Phrase.of("bot.field." + field.name())))));
        });
    }
}
