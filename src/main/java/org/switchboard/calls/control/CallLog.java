package org.switchboard.calls.control;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.switchboard.channels.entity.Channel;
import org.switchboard.conversations.entity.Call;
import org.switchboard.conversations.entity.CallDirection;
import org.switchboard.conversations.entity.CallProgress;
import org.switchboard.conversations.entity.CallState;
import org.switchboard.conversations.entity.Message;
import org.switchboard.identity.control.AgentFreed;
import org.switchboard.identity.entity.User;
import org.switchboard.inbound.control.InboundMessage;
import org.switchboard.inbound.control.IntakeResult;
import org.switchboard.tickets.control.TicketActivity;
import org.switchboard.tickets.entity.Phrase;
import org.switchboard.tickets.entity.Ticket;
import org.switchboard.tickets.entity.TicketEvent;
import org.switchboard.tickets.entity.TicketEventType;

/**
 * Applies a call event to its call, in the transaction that takes the event in (a calling kind's
 * {@code IntakeAutomation} hands it here). What it does to the ticket:
 * <ul>
 * <li>a new ticket is held from routing while the call rings — the phone system is ringing agents;</li>
 * <li>an answered call gives an unassigned ticket to the agent who answered;</li>
 * <li>when the call ends, an open ticket nobody has goes to routing, so someone calls back after a
 *     missed call or a voicemail (or follows up a call nobody could be named for);</li>
 * <li>each outcome is on the timeline once: the entry is written when the call first becomes final.</li>
 * </ul>
 * An agent on a call counts as busy for routing ({@code AgentDirectory}); the end frees them.
 */
@ApplicationScoped
public class CallLog {

    @PersistenceContext
    EntityManager em;

    private static final String CALLS = CallLog.class.getName() + ".calls";

    @Inject
    CallAgents agents;

    @Inject
    org.switchboard.platform.persistence.BatchTables tables;

    /** The calls a batch of events names, in one query: no query runs between the batch's events (each would flush the batch's rows). */
    public void preload(Channel channel, java.util.List<InboundMessage> batch) {
        java.util.List<String> ids = batch.stream().map(InboundMessage::kindDetail).filter(CallEvent.class::isInstance)
                .map(detail -> ((CallEvent) detail).callId()).distinct().toList();
        if (!ids.isEmpty()) {
            tables.preload(CALLS + channel.getId(), ids, slice -> em.createQuery("SELECT c FROM Call c WHERE c.channel = :channel AND c.providerCallId IN :ids", Call.class)
                    .setParameter("channel", channel).setParameter("ids", slice).getResultList(), Call::getProviderCallId);
        }
    }

    @Inject
    Event<TicketActivity> activity;

    @Inject
    Event<AgentFreed> agentFreed;

    @Inject
    Event<CallRings> rings;

    /**
     * @param giveUpAfter how long a live call may go without an event before it is closed as "no hangup received"
     * @param country     the channel's default country, for matching agents' numbers written nationally
     */
    public IntakeResult apply(Channel channel, InboundMessage inbound, IntakeResult result, Duration giveUpAfter, String country) {
        if (!(inbound.kindDetail() instanceof CallEvent event) || result.ignored() || result.messageId() == null) {
            return result;
        }
        Message message = em.find(Message.class, result.messageId());
        Call call = tables.<String, Call>lookup(CALLS + channel.getId(), event.callId(), () -> em.createNamedQuery("Call.byProviderId", Call.class)
                .setParameter("channel", channel).setParameter("callId", event.callId()).getResultStream().findFirst()).orElse(null);
        if (call == null) {
            call = new Call(message, event.callId(), event.direction(), event.customerNumber(), event.ourNumber(), event.at());
            em.persist(call);
            tables.learn(CALLS + channel.getId(), event.callId(), call);
        }
        CallState before = call.getState();
        CallProgress progress = call.progress();
        CallProgress next = switch (event.step()) {
            case RINGING -> progress.ringing(event.at());
            case ANSWERED -> progress.answered(event.at(), event.byVoicemail());
            case ENDED -> progress.ended(event.at(), event.cause());
            case RECORDED -> progress.voicemailLeft();
        };
        call.apply(next);
        if (event.step() == CallEvent.Step.RECORDED && event.recordingUrl() != null) {
            call.recorded(event.recordingUrl(), event.recordingSeconds());
        }
        if (event.step() == CallEvent.Step.ANSWERED && !event.byVoicemail() && next.answeredAt() != null) {
            call.answeredBy(agents.find(event.agent(), country).orElse(null), event.agent());
        } else if (event.step() == CallEvent.Step.RINGING && event.direction() == CallDirection.OUTBOUND && event.agent() != null) {
            call.answeredBy(agents.find(event.agent(), country).orElse(null), event.agent()); // who placed it
        }
        call.giveUpAt(Instant.now().plus(giveUpAfter));
        boolean routeNow = followUp(call, message.getTicket(), before, result.newTicket());
        announce(channel, event, call, message, before, country);
        if (message.getTicket() != null && (call.getState() != before || result.newTicket())) {
            activity.fire(new TicketActivity(message.getTicket().getId()));
        }
        return result.withRouting(routeNow && !result.ignored());
    }

    /**
     * Tells the agents an incoming call rings (after the commit, by {@link IncomingCalls}), and that it
     * stopped ringing once it is answered or over. Names are resolved there, not here: a query between a
     * batch's events would flush the batch's rows.
     */
    private void announce(Channel channel, CallEvent event, Call call, Message message, CallState before, String country) {
        if (message.getTicket() == null || call.getDirection() != CallDirection.INBOUND) {
            return;
        }
        if (event.step() == CallEvent.Step.RINGING && call.getState() == CallState.RINGING
                && (event.ringing() == null || !event.ringing().isEmpty())) {
            rings.fire(new CallRings(channel.getId(), message.getId(), event.ringing(), country));
        } else if (before == CallState.RINGING && call.getState() != CallState.RINGING) {
            rings.fire(CallRings.over(channel.getId(), message.getId()));
        }
    }

    /** A live call nobody reported the end of in time: closed as "no hangup received"; answers whether its ticket should be routed now. */
    public boolean gaveUp(Call call, Instant now) {
        CallState before = call.getState();
        call.apply(call.progress().gaveUp(now));
        call.giveUpAt(null);
        if (before == CallState.RINGING && call.getDirection() == CallDirection.INBOUND) {
            rings.fire(CallRings.over(call.getMessage().getChannel().getId(), call.getMessage().getId()));
        }
        return followUp(call, call.getMessage().getTicket(), before, false);
    }

    /** What the call's new state does to its ticket; answers whether the ticket should be routed now. */
    private boolean followUp(Call call, Ticket ticket, CallState before, boolean newTicket) {
        CallState now = call.getState();
        User agent = call.getAgent();
        if (ticket == null) {
            return false;
        }
        if (now.live()) {
            if (ticket.getOwner() == null && !ticket.isClosed() && agent != null && now == CallState.IN_PROGRESS) {
                assign(ticket, agent);
            } else if (newTicket) {
                ticket.leaveRoutingQueue(); // ringing: the phone system is offering the call to agents right now
            }
            return false;
        }
        if (agent != null && before.live()) {
            agentFreed.fire(new AgentFreed(agent.getId()));
        }
        if (now == before) {
            return false; // a repeated end, or a late event that changed nothing
        }
        // the first end, or a late answer that turns "missed" into "answered": on the timeline
        em.persist(new TicketEvent(ticket, TicketEventType.CALL, agent, outcome(call)));
        if (ticket.getOwner() == null && !ticket.isClosed()) {
            if (agent != null && now == CallState.ANSWERED) {
                assign(ticket, agent);
                return false;
            }
            ticket.awaitRouting();
            return true;
        }
        return false;
    }

    private void assign(Ticket ticket, User agent) {
        ticket.assignTo(agent, null);
        em.persist(new TicketEvent(ticket, TicketEventType.ASSIGNED, null, Phrase.of("timeline.call.assigned", "agent", agent.getUsername())));
    }

    static Phrase outcome(Call call) {
        String number = call.getCustomerNumber() != null ? call.getCustomerNumber() : "—";
        String direction = call.getDirection() == CallDirection.INBOUND ? "in" : "out";
        return switch (call.getState()) {
            case ANSWERED -> Phrase.of("timeline.call.answered." + direction, "number", number,
                    "agent", call.getAgent() != null ? call.getAgent().getUsername() : call.getAnsweredBy() != null ? call.getAnsweredBy() : "—",
                    "duration", CallTexts.duration(call.talked()));
            case MISSED -> Phrase.of(call.isEndedByTimeout() ? "timeline.call.noHangup" : "timeline.call.missed." + direction, "number", number);
            case VOICEMAIL -> Phrase.of("timeline.call.voicemail", "number", number);
            case FAILED -> Phrase.of("timeline.call.failed", "number", number, "cause", call.getEndCause());
            default -> Phrase.of("timeline.call.missed." + direction, "number", number);
        };
    }
}
