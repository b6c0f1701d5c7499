package org.switchboard.routing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.switchboard.channels.entity.Channel;
import org.switchboard.channels.entity.RoutingMode;
import org.switchboard.identity.entity.Availability;

/**
 * Whether someone is there to answer a channel now: an agent the channel's routing could choose who
 * is active, seated, available and under their capacity (the routing engine's own test, with
 * availability required even where the rule would route to away agents). A channel whose rule names
 * no one, or the contact's owner, counts any active, seated, available user. Live channels (chat)
 * ask before offering a conversation.
 */
@ApplicationScoped
@Transactional
public class Staffing {

    private static final RoutingEngine ENGINE = new RoutingEngine();
    private static final TicketFacts NO_FACTS = new TicketFacts(null, null, null, null, null);

    @PersistenceContext
    EntityManager em;

    @Inject
    AgentDirectory directory;

    /**
     * The agent routing would choose for this channel now among those available (not away, seated, under
     * capacity, not on a call) — whom a phone call should ring; empty when nobody can take it.
     */
    public java.util.Optional<Long> chosenNow(long channelId) {
        return decisionNow(channelId).filter(now -> now.decision().assigned()).map(now -> now.decision().chosen().id());
    }

    /**
     * Every agent routing could give this channel's conversation to now (the same test as
     * {@link #chosenNow}, all who pass rather than the one it picks) — whom to tell of a call when the
     * phone system does not say whom it rings.
     */
    public java.util.List<Long> couldAnswerNow(long channelId) {
        return decisionNow(channelId).filter(now -> now.decision().assigned()).map(now -> {
            java.util.Set<Long> skipped = now.decision().skipped().stream().map(skip -> skip.agent().id()).collect(java.util.stream.Collectors.toSet());
            return now.reached().stream().map(AgentSnapshot::id).filter(id -> !skipped.contains(id)).toList();
        }).orElse(java.util.List.of());
    }

    /** A decision made now, and the agents its rule reached (each either chosen-able or skipped with a reason). */
    private record Now(RoutingDecision decision, java.util.List<AgentSnapshot> reached) {
    }

    private java.util.Optional<Now> decisionNow(long channelId) {
        Channel channel = em.find(Channel.class, channelId);
        if (channel == null) {
            return java.util.Optional.empty();
        }
        RoutingRule rule = RoutingRules.of(channel);
        RoutingRule availableOnly = new RoutingRule(rule.mode(), true, rule.userIds(), rule.teamIds(), rule.skillRules());
        java.util.Collection<AgentSnapshot> candidates = rule.mode() == RoutingMode.USERS_AND_TEAMS ? directory.reachable(availableOnly, null)
                : directory.snapshots(em.createQuery("SELECT u.id FROM User u WHERE u.active = TRUE AND u.paidSeat = TRUE AND u.availability = :available", Long.class)
                        .setParameter("available", Availability.AVAILABLE).getResultList());
        RoutingRule pick = rule.mode() == RoutingMode.USERS_AND_TEAMS ? availableOnly
                : new RoutingRule(RoutingMode.USERS_AND_TEAMS, true, candidates.stream().map(AgentSnapshot::id).collect(java.util.stream.Collectors.toSet()),
                java.util.Set.of(), java.util.List.of());
        java.util.List<AgentSnapshot> reached = candidates.stream().filter(a -> pick.userIds().contains(a.id())
                || a.teamIds().stream().anyMatch(pick.teamIds()::contains)).toList();
        return java.util.Optional.of(new Now(ENGINE.decide(pick, NO_FACTS, candidates), reached));
    }

    public boolean someoneAvailable(long channelId) {
        Channel channel = em.find(Channel.class, channelId);
        if (channel == null) {
            return false;
        }
        RoutingRule rule = RoutingRules.of(channel);
        if (rule.mode() == RoutingMode.USERS_AND_TEAMS) {
            RoutingRule availableOnly = new RoutingRule(rule.mode(), true, rule.userIds(), rule.teamIds(), rule.skillRules());
            return ENGINE.decide(availableOnly, NO_FACTS, directory.reachable(availableOnly, null)).assigned();
        }
        return em.createQuery("SELECT COUNT(u) FROM User u WHERE u.active = TRUE AND u.paidSeat = TRUE AND u.availability = :available", Long.class)
                .setParameter("available", Availability.AVAILABLE).getSingleResult() > 0;
    }
}
