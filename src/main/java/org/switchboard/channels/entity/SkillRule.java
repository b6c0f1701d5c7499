package org.switchboard.channels.entity;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.switchboard.identity.entity.Skill;
import org.switchboard.identity.entity.Team;
import org.switchboard.platform.persistence.Checks;

/**
 * A skill-based routing rule of a channel: when every condition that is set matches the new
 * ticket (language, category, any keyword in subject or text), only agents with all the skills,
 * and in the team if one is set, are eligible.
 */
@Entity
@Table(name = "skill_rules")
public class SkillRule {

    @Id
    @SequenceGenerator(name = "skill_rules_seq", sequenceName = "skill_rules_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "skill_rules_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "channel_id")
    private Channel channel;

    private int position;

    private String language;

    private String category;

    /** Comma-separated, lower case. */
    private String keywords;

    @ManyToOne
    @JoinColumn(name = "team_id")
    private Team team;

    @ManyToMany
    @JoinTable(name = "skill_rule_skills", joinColumns = @JoinColumn(name = "rule_id"), inverseJoinColumns = @JoinColumn(name = "skill_id"))
    private Set<Skill> requiredSkills = new HashSet<>();

    protected SkillRule() {
    }

    SkillRule(Channel channel, int position, String language, String category, List<String> keywords, Team team, Set<Skill> requiredSkills) {
        this.channel = channel;
        this.position = position;
        this.language = Checks.optionalText(language, "Language", 35);
        this.category = Checks.optionalText(category, "Category", 100);
        this.keywords = keywords == null || keywords.isEmpty() ? null
                : String.join(",", keywords.stream().map(k -> k.strip().toLowerCase(Locale.ROOT)).filter(k -> !k.isEmpty()).toList());
        if (this.keywords != null && this.keywords.length() > 2000) {
            throw new IllegalArgumentException("Keywords must be at most 2000 characters");
        }
        this.team = team;
        if (requiredSkills == null || requiredSkills.isEmpty()) {
            throw new IllegalArgumentException("A skill rule requires at least one skill");
        }
        this.requiredSkills = new HashSet<>(requiredSkills);
    }

    public Long getId() {
        return id;
    }

    public int getPosition() {
        return position;
    }

    public String getLanguage() {
        return language;
    }

    public String getCategory() {
        return category;
    }

    public List<String> getKeywords() {
        return keywords == null || keywords.isEmpty() ? List.of() : Arrays.asList(keywords.split(","));
    }

    public Team getTeam() {
        return team;
    }

    public Set<Skill> getRequiredSkills() {
        return Collections.unmodifiableSet(requiredSkills);
    }
}
