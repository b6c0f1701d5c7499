package org.switchboard.routing.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.switchboard.channels.control.ChannelDtos.RoutingDto;
import org.switchboard.channels.control.ChannelDtos.SkillRuleDto;
import org.switchboard.channels.entity.Channel;
import org.switchboard.channels.entity.RoutingMode;
import org.switchboard.identity.entity.Skill;
import org.switchboard.identity.entity.Team;
import org.switchboard.platform.persistence.Lookups;
import org.switchboard.tickets.entity.Phrase;
import org.switchboard.tickets.entity.Ticket;

/** "Test routing rules against recent tickets before saving": the engine over a channel's latest tickets, writing nothing. */
@ApplicationScoped
@Transactional
public class RoutingPreview {

    @PersistenceContext
    EntityManager em;

    @Inject
    AgentDirectory agents;

    /** One ticket of a routing preview: who the draft rule would choose, and why the others not. */
    public record PreviewRow(long ticketId, long ticketNumber, String subject, String chosen, String outcome, String explanation,
                             List<Phrase> reasons) {
    }

    /**
     * Runs a draft routing rule over the channel's last {@code lastN} tickets, newest first, with
     * today's agents; each preview choice adds to that agent's simulated load. Saves nothing.
     */
    public Optional<List<PreviewRow>> preview(long id, RoutingDto draft, int lastN) {
        Channel channel = em.find(Channel.class, id);
        if (channel == null) {
            return Optional.empty();
        }
        RoutingRule rule = rule(draft);
        List<Ticket> recent = em.createQuery("SELECT t FROM Ticket t LEFT JOIN FETCH t.contact WHERE t.channel = :c ORDER BY t.createdAt DESC, t.id DESC", Ticket.class)
                .setParameter("c", channel).setMaxResults(Math.min(Math.max(lastN, 1), 500)).getResultList();
        Map<Long, AgentSnapshot> pool = new HashMap<>();
        agents.reachable(rule, null).forEach(a -> pool.put(a.id(), a));
        List<Long> owners = recent.stream().map(t -> t.getContact() == null || t.getContact().getOwner() == null ? null : t.getContact().getOwner().getId())
                .filter(o -> o != null && !pool.containsKey(o)).distinct().toList();
        agents.snapshots(owners).forEach(a -> pool.put(a.id(), a));
        RoutingEngine engine = new RoutingEngine();
        List<PreviewRow> rows = new ArrayList<>();
        for (Ticket ticket : recent) {
            Long owner = ticket.getContact() == null || ticket.getContact().getOwner() == null ? null : ticket.getContact().getOwner().getId();
            TicketFacts facts = new TicketFacts(null, ticket.getCategory(), ticket.getSubject(), ticket.getDescription(), owner);
            RoutingDecision decision = engine.decide(rule, facts, pool.values());
            if (decision.assigned()) {
                AgentSnapshot a = decision.chosen();
                pool.put(a.id(), new AgentSnapshot(a.id(), a.username(), a.active(), a.paidSeat(), a.available(), a.skillIds(),
                        a.teamIds(), a.capacity(), a.openTickets() + 1, Instant.now()));
            }
            rows.add(new PreviewRow(ticket.getId(), ticket.getNumber(), ticket.getSubject(),
                    decision.assigned() ? decision.chosen().username() : null, decision.outcome().name(), decision.explain(), decision.explanation()));
        }
        return Optional.of(rows);
    }

    private RoutingRule rule(RoutingDto draft) {
        RoutingDto routing = draft == null ? new RoutingDto(RoutingMode.NO_ONE, true, Set.of(), Set.of(), List.of()) : draft;
        List<RoutingRule.SkillCondition> conditions = new ArrayList<>();
        for (SkillRuleDto dto : routing.skillRules() == null ? List.<SkillRuleDto>of() : routing.skillRules()) {
            Map<Long, String> skills = new HashMap<>();
            dto.skillIds().forEach(sid -> skills.put(sid, find(Skill.class, sid, "skillIds").getName()));
            Team team = dto.teamId() == null ? null : find(Team.class, dto.teamId(), "teamId");
            conditions.add(new RoutingRule.SkillCondition(dto.language(), dto.category(), dto.keywords(),
                    team == null ? null : team.getId(), team == null ? null : team.getName(), skills));
        }
        return new RoutingRule(routing.mode() == null ? RoutingMode.NO_ONE : routing.mode(),
                routing.availableOnly() == null || routing.availableOnly(), routing.userIds(), routing.teamIds(), conditions);
    }

    private <T> T find(Class<T> type, Long id, String field) {
        return Lookups.require(em, type, id, field);
    }
}
