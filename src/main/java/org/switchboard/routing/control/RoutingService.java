package org.switchboard.routing.control;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.switchboard.tickets.control.TicketActivity;
import org.switchboard.channels.entity.Channel;
import org.switchboard.conversations.entity.Message;
import org.switchboard.identity.entity.Team;
import org.switchboard.identity.entity.User;
import org.switchboard.tickets.entity.Ticket;
import org.switchboard.tickets.entity.TicketEvent;
import org.switchboard.tickets.entity.TicketEventType;

/**
 * Routes one ticket in one transaction. The ticket row is locked first, then the chosen agent's
 * row, always in that order; the agent's open tickets are counted again under the lock. So, with
 * any number of threads and instances, no ticket is assigned twice and no agent goes over capacity.
 */
@ApplicationScoped
public class RoutingService {

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<TicketActivity> activity;

    @Inject
    AgentDirectory agents;

    @Inject
    Instance<OwnerNotifier> ownerNotifier;

    private final RoutingEngine engine = new RoutingEngine();

    /** Thrown when the chosen agent filled up between decision and lock; the caller tries again. */
    public static class AgentFilledUp extends RuntimeException {
        AgentFilledUp(String username) {
            super(username + " reached capacity meanwhile");
        }
    }

    /** Tickets waiting for an agent, oldest first. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Long> waiting(int limit) {
        return em.createQuery("SELECT t.id FROM Ticket t WHERE t.awaitingRouting = TRUE AND t.closedAt IS NULL AND t.owner IS NULL ORDER BY t.createdAt, t.id", Long.class)
                .setMaxResults(limit).getResultList();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public RoutingDecision.Outcome route(long ticketId) {
        Ticket ticket = em.find(Ticket.class, ticketId, LockModeType.PESSIMISTIC_WRITE);
        if (ticket == null || ticket.getOwner() != null || ticket.isClosed() || ticket.getChannel() == null) {
            if (ticket != null) {
                ticket.leaveRoutingQueue();
            }
            return RoutingDecision.Outcome.NOT_ROUTED;
        }
        Channel channel = ticket.getChannel();
        RoutingRule rule = RoutingRules.of(channel);
        TicketFacts facts = facts(ticket);
        RoutingDecision decision = engine.decide(rule, facts, agents.reachable(rule, facts.contactOwnerId()));
        switch (decision.outcome()) {
            case ASSIGNED -> assign(ticket, decision);
            case NOT_ROUTED -> ticket.leaveRoutingQueue();
            case WAITING -> {
                ticket.awaitRouting();
                if (!waitedBefore(ticket)) {
                    em.persist(new TicketEvent(ticket, TicketEventType.ROUTING_WAITING, null, decision.explanation()));
                }
            }
            case OWNER_AWAY -> {
                ticket.awaitRouting();
                if (!waitedBefore(ticket)) {
                    boolean notified = notifyOwner(ticket);
                    em.persist(new TicketEvent(ticket, TicketEventType.ROUTING_WAITING, null, decision.explanation(notified)));
                }
            }
        }
        return decision.outcome();
    }

    /** The queue is explained once; later drain attempts that still find nobody add nothing to the timeline. */
    private boolean waitedBefore(Ticket ticket) {
        return em.createQuery("SELECT COUNT(e) FROM TicketEvent e WHERE e.ticket = :t AND e.type = :type", Long.class)
                .setParameter("t", ticket).setParameter("type", TicketEventType.ROUTING_WAITING).getSingleResult() > 0;
    }

    private void assign(Ticket ticket, RoutingDecision decision) {
        AgentSnapshot chosen = decision.chosen();
        User agent = em.find(User.class, chosen.id(), LockModeType.PESSIMISTIC_WRITE);
        if (agent.getCapacity() != null && agents.openTickets(agent.getId()) >= agent.getCapacity()) {
            throw new AgentFilledUp(agent.getUsername());
        }
        Instant now = Instant.now();
        ticket.assignTo(agent, decision.viaTeamId() == null ? null : em.find(Team.class, decision.viaTeamId()));
        agent.recordAssignment(now);
        em.persist(new TicketEvent(ticket, TicketEventType.ASSIGNED, null, decision.explanation()));
        activity.fire(new TicketActivity(ticket.getId()));
    }

    private boolean notifyOwner(Ticket ticket) {
        User owner = ticket.getContact().getOwner();
        if (owner.getEmail() == null || ownerNotifier.isUnsatisfied()) {
            return false;
        }
        return ownerNotifier.get().notifyOwnerAway(ticket.getChannel() == null ? null : ticket.getChannel().getId(), owner.getEmail(), owner.getFullName(), ticket.getNumber(), ticket.getSubject(),
                ticket.getContact().displayName());
    }

    private TicketFacts facts(Ticket ticket) {
        List<Message> first = em.createQuery("SELECT m FROM Message m WHERE m.ticket = :t ORDER BY m.createdAt, m.id", Message.class)
                .setParameter("t", ticket).setMaxResults(1).getResultList();
        Optional<Message> message = first.stream().findFirst();
        Long ownerId = ticket.getContact() == null || ticket.getContact().getOwner() == null ? null : ticket.getContact().getOwner().getId();
        return new TicketFacts(message.map(Message::getLanguage).orElse(null), ticket.getCategory(), ticket.getSubject(),
                message.map(Message::getText).orElse(ticket.getDescription()), ownerId);
    }
}
