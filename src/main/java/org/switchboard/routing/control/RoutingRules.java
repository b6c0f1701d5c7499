package org.switchboard.routing.control;

import java.util.stream.Collectors;

import org.switchboard.channels.entity.Channel;
import org.switchboard.channels.entity.SkillRule;
import org.switchboard.identity.entity.Skill;
import org.switchboard.identity.entity.Team;
import org.switchboard.identity.entity.User;

/** Reads a channel's saved routing rule into the engine's form. */
public final class RoutingRules {

    private RoutingRules() {
    }

    public static RoutingRule of(Channel channel) {
        return new RoutingRule(channel.getRoutingMode(), channel.routesToAvailableOnly(),
                channel.getRouteUsers().stream().map(User::getId).collect(Collectors.toSet()),
                channel.getRouteTeams().stream().map(Team::getId).collect(Collectors.toSet()),
                channel.getSkillRules().stream().map(RoutingRules::condition).toList());
    }

    static RoutingRule.SkillCondition condition(SkillRule rule) {
        Team team = rule.getTeam();
        return new RoutingRule.SkillCondition(rule.getLanguage(), rule.getCategory(), rule.getKeywords(),
                team == null ? null : team.getId(), team == null ? null : team.getName(),
                rule.getRequiredSkills().stream().collect(Collectors.toMap(Skill::getId, Skill::getName)));
    }
}
