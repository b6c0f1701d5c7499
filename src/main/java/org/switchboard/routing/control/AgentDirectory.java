package org.switchboard.routing.control;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.switchboard.conversations.entity.CallState;
import org.switchboard.identity.entity.Availability;
import org.switchboard.identity.entity.Skill;
import org.switchboard.identity.entity.Team;
import org.switchboard.identity.entity.User;

/** Loads agent snapshots (with skills, teams, open-ticket counts and who is on a call) in four queries, whatever the number of agents. */
@ApplicationScoped
public class AgentDirectory {

    @PersistenceContext
    EntityManager em;

    /** The agents a rule can reach: listed users, members of listed teams, or the contact owner. */
    public List<AgentSnapshot> reachable(RoutingRule rule, Long contactOwnerId) {
        Set<Long> ids = new HashSet<>(rule.userIds());
        if (!rule.teamIds().isEmpty()) {
            ids.addAll(em.createQuery("SELECT DISTINCT u.id FROM User u JOIN u.teams t WHERE t.id IN :teams", Long.class)
                    .setParameter("teams", rule.teamIds()).getResultList());
        }
        if (contactOwnerId != null) {
            ids.add(contactOwnerId);
        }
        return snapshots(ids);
    }

    public List<AgentSnapshot> snapshots(Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        List<User> users = em.createQuery("SELECT DISTINCT u FROM User u LEFT JOIN FETCH u.skills LEFT JOIN FETCH u.teams WHERE u.id IN :ids", User.class)
                .setParameter("ids", userIds).getResultList();
        Map<Long, Long> open = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT t.owner.id, COUNT(t) FROM Ticket t WHERE t.owner.id IN :ids AND t.closedAt IS NULL GROUP BY t.owner.id", Object[].class)
                .setParameter("ids", userIds).getResultList()) {
            open.put((Long) row[0], (Long) row[1]);
        }
        Set<Long> onCall = new HashSet<>(em.createQuery("SELECT DISTINCT c.agent.id FROM Call c WHERE c.agent.id IN :ids AND c.state = :live", Long.class)
                .setParameter("ids", userIds).setParameter("live", CallState.IN_PROGRESS).getResultList());
        return users.stream().map(u -> snapshot(u, open.getOrDefault(u.getId(), 0L), onCall.contains(u.getId()))).toList();
    }

    public long openTickets(long userId) {
        return em.createQuery("SELECT COUNT(t) FROM Ticket t WHERE t.owner.id = :id AND t.closedAt IS NULL", Long.class)
                .setParameter("id", userId).getSingleResult();
    }

    static AgentSnapshot snapshot(User u, long openTickets, boolean onCall) {
        return new AgentSnapshot(u.getId(), u.getUsername(), u.isActive(), u.hasPaidSeat(), u.getAvailability() == Availability.AVAILABLE,
                u.getSkills().stream().map(Skill::getId).collect(Collectors.toUnmodifiableSet()),
                u.getTeams().stream().map(Team::getId).collect(Collectors.toUnmodifiableSet()),
                u.getCapacity(), openTickets, u.getLastAssignedAt(), onCall);
    }
}
