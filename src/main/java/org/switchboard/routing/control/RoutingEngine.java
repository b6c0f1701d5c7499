package org.switchboard.routing.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.switchboard.routing.control.RoutingDecision.Outcome;
import org.switchboard.routing.control.RoutingDecision.Skip;
import org.switchboard.routing.control.RoutingRule.SkillCondition;
import org.switchboard.tickets.entity.Phrase;

/**
 * Decides who gets a ticket; no I/O, so it is driven by plain unit tests and the benchmark.
 * Eligible agents are active, have a paid seat, are available (unless the rule ignores that),
 * belong to the teams and have the skills the matching skill rules require, and are under their
 * capacity. Among them: fewest open tickets first, then longest since their last assignment.
 */
public final class RoutingEngine {

    static final Comparator<AgentSnapshot> LOAD_THEN_LONGEST_IDLE = Comparator
            .comparingLong(AgentSnapshot::openTickets)
            .thenComparing(AgentSnapshot::lastAssignedAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparingLong(AgentSnapshot::id);

    /**
     * @param agents the candidates the rule can reach: for "users and teams" the listed users and
     *               the teams' members, for "contact owner" the owner; others are ignored
     */
    public RoutingDecision decide(RoutingRule rule, TicketFacts facts, Collection<AgentSnapshot> agents) {
        return switch (rule.mode()) {
            case NO_ONE -> new RoutingDecision(Outcome.NOT_ROUTED, rule.describe(), null, null, List.of());
            case CONTACT_OWNER -> decideForOwner(rule, facts, agents);
            case USERS_AND_TEAMS -> decideAmong(rule, facts, agents);
        };
    }

    private RoutingDecision decideAmong(RoutingRule rule, TicketFacts facts, Collection<AgentSnapshot> agents) {
        Requirements required = requirements(rule, facts);
        List<Skip> skipped = new ArrayList<>();
        AgentSnapshot best = null;
        for (AgentSnapshot agent : agents) {
            if (!rule.userIds().contains(agent.id()) && !intersects(rule.teamIds(), agent.teamIds())) {
                continue; // not reachable by this rule at all
            }
            Skip skip = check(agent, rule.availableOnly(), required);
            if (skip != null) {
                skipped.add(skip);
            } else if (best == null || LOAD_THEN_LONGEST_IDLE.compare(agent, best) < 0) {
                best = agent;
            }
        }
        List<Phrase> description = concat(rule.describe(), required.describe());
        if (best == null) {
            return new RoutingDecision(Outcome.WAITING, description, null, null, skipped);
        }
        Long viaTeam = rule.userIds().contains(best.id()) ? null : firstCommon(rule.teamIds(), best.teamIds());
        return new RoutingDecision(Outcome.ASSIGNED, description, best, viaTeam, skipped);
    }

    private RoutingDecision decideForOwner(RoutingRule rule, TicketFacts facts, Collection<AgentSnapshot> agents) {
        List<Phrase> description = rule.describe();
        if (facts.contactOwnerId() == null) {
            return new RoutingDecision(Outcome.NOT_ROUTED, concat(description, List.of(Phrase.of("routing.noOwner"))), null, null, List.of());
        }
        AgentSnapshot owner = agents.stream().filter(a -> a.id() == facts.contactOwnerId()).findFirst().orElse(null);
        if (owner == null) {
            return new RoutingDecision(Outcome.NOT_ROUTED, concat(description, List.of(Phrase.of("routing.ownerNotAgent"))), null, null, List.of());
        }
        Requirements required = requirements(rule, facts);
        Skip skip = check(owner, rule.availableOnly(), required);
        if (skip == null) {
            return new RoutingDecision(Outcome.ASSIGNED, concat(description, required.describe()), owner, null, List.of());
        }
        Outcome outcome = skip.reason() == SkipReason.AWAY ? Outcome.OWNER_AWAY : Outcome.WAITING;
        return new RoutingDecision(outcome, concat(description, required.describe()), null, null, List.of(skip));
    }

    private static Skip check(AgentSnapshot agent, boolean availableOnly, Requirements required) {
        if (!agent.active()) {
            return new Skip(agent, SkipReason.INACTIVE, null);
        }
        if (!agent.paidSeat()) {
            return new Skip(agent, SkipReason.NO_SEAT, null);
        }
        if (availableOnly && !agent.available()) {
            return new Skip(agent, SkipReason.AWAY, null);
        }
        if (agent.onCall()) {
            return new Skip(agent, SkipReason.ON_A_CALL, null);
        }
        for (Map.Entry<Long, String> team : required.teams.entrySet()) {
            if (!agent.teamIds().contains(team.getKey())) {
                return new Skip(agent, SkipReason.NOT_IN_TEAM, team.getValue());
            }
        }
        if (!agent.skillIds().containsAll(required.skills.keySet())) {
            return new Skip(agent, SkipReason.MISSING_SKILL, null, required.skills);
        }
        if (agent.atCapacity()) {
            return new Skip(agent, SkipReason.AT_CAPACITY, "(" + agent.openTickets() + "/" + agent.capacity() + ")");
        }
        return null;
    }

    private static Requirements requirements(RoutingRule rule, TicketFacts facts) {
        Map<Long, String> skills = new HashMap<>();
        Map<Long, String> teams = new HashMap<>();
        for (SkillCondition condition : rule.skillRules()) {
            if (condition.matches(facts)) {
                skills.putAll(condition.skills());
                if (condition.teamId() != null) {
                    teams.put(condition.teamId(), condition.teamName());
                }
            }
        }
        return new Requirements(skills, teams);
    }

    private static boolean intersects(Set<Long> a, Set<Long> b) {
        for (Long x : a) {
            if (b.contains(x)) {
                return true;
            }
        }
        return false;
    }

    private static Long firstCommon(Set<Long> ruleTeams, Set<Long> agentTeams) {
        Set<Long> common = new HashSet<>(ruleTeams);
        common.retainAll(agentTeams);
        return common.stream().min(Long::compare).orElse(null);
    }

    private static List<Phrase> concat(List<Phrase> a, List<Phrase> b) {
        List<Phrase> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private record Requirements(Map<Long, String> skills, Map<Long, String> teams) {
        List<Phrase> describe() {
            if (skills.isEmpty() && teams.isEmpty()) {
                return List.of();
            }
            String skillNames = skills.values().stream().sorted().collect(Collectors.joining(", "));
            return List.of(teams.isEmpty() ? Phrase.of("routing.requires", "skills", skillNames)
                    : Phrase.of("routing.requiresInTeam", "skills", skillNames,
                    "teams", teams.values().stream().sorted().collect(Collectors.joining(", "))));
        }
    }
}
