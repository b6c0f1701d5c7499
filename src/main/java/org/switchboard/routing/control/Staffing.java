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
        RoutingDecision decision = ENGINE.decide(pick, NO_FACTS, candidates);
        return decision.assigned() ? java.util.Optional.of(decision.chosen().id()) : java.util.Optional.empty();
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
