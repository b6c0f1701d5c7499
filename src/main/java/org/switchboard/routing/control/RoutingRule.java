package org.switchboard.routing.control;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.switchboard.channels.entity.RoutingMode;
import org.switchboard.tickets.entity.Phrase;

/**
 * A channel's "assign incoming tickets to" rule, detached from JPA so that the engine, previews
 * of draft rules and benchmarks run without a database.
 */
public record RoutingRule(RoutingMode mode, boolean availableOnly, Set<Long> userIds, Set<Long> teamIds,
                          List<SkillCondition> skillRules) {

    public RoutingRule {
        userIds = userIds == null ? Set.of() : Set.copyOf(userIds);
        teamIds = teamIds == null ? Set.of() : Set.copyOf(teamIds);
        skillRules = skillRules == null ? List.of() : List.copyOf(skillRules);
    }

    /** "Rule: specific users and teams, available users only", as timeline phrases. */
    public List<Phrase> describe() {
        return List.of(Phrase.of("routing.rule." + mode.name()),
                Phrase.of(availableOnly ? "routing.availableOnly" : "routing.availabilityIgnored"));
    }

    /**
     * Matches when every condition that is set matches; then the agent needs all {@code skills}
     * (id → name, the name for explanations) and, if {@code teamId} is set, membership of it.
     */
    public record SkillCondition(String language, String category, List<String> keywords, Long teamId, String teamName,
                                 Map<Long, String> skills) {

        public SkillCondition {
            keywords = keywords == null ? List.of() : keywords.stream().map(k -> k.toLowerCase(Locale.ROOT)).toList();
            skills = skills == null ? Map.of() : Map.copyOf(skills);
        }

        boolean matches(TicketFacts facts) {
            if (language != null && !language.equalsIgnoreCase(facts.language() == null ? "" : facts.language())) {
                return false;
            }
            if (category != null && !category.equalsIgnoreCase(facts.category() == null ? "" : facts.category())) {
                return false;
            }
            return keywords.isEmpty() || keywords.stream().anyMatch(facts::mentions);
        }
    }
}
