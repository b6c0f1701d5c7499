package org.switchboard.channels.entity;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.switchboard.identity.entity.Skill;
import org.switchboard.identity.entity.Team;
import org.switchboard.identity.entity.User;
import org.switchboard.inboxes.entity.Inbox;
import org.switchboard.platform.persistence.Checks;

/**
 * A connected source of conversations. Its public key names it in public endpoints (webhooks,
 * forms, the generic inbound API) without exposing the database id.
 */
@Entity
@Table(name = "channels")
@NamedQuery(name = "Channel.byPublicKey", query = "SELECT c FROM Channel c WHERE c.publicKey = :key")
@NamedQuery(name = "Channel.all", query = "SELECT c FROM Channel c ORDER BY c.name")
public class Channel {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final java.util.regex.Pattern KIND = java.util.regex.Pattern.compile("[A-Z][A-Z0-9_]{0,29}");

    @Id
    @SequenceGenerator(name = "channels_seq", sequenceName = "channels_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "channels_seq")
    private Long id;

    /** The kind's name, as its connector declares it (e.g. CUSTOM); the connector owns everything kind-specific. */
    @Column(name = "channel_type")
    private String type;

    private String name;

    @Column(name = "public_key")
    private String publicKey;

    private boolean enabled = true;

    @Enumerated(EnumType.STRING)
    private ChannelDestination destination;

    @ManyToOne
    @JoinColumn(name = "inbox_id")
    private Inbox inbox;

    @Embedded
    private TicketDefaults ticketDefaults;

    @Enumerated(EnumType.STRING)
    @Column(name = "routing_mode")
    private RoutingMode routingMode = RoutingMode.NO_ONE;

    @Column(name = "routing_available_only")
    private boolean routeToAvailableOnly = true;

    @ManyToMany
    @JoinTable(name = "channel_route_users", joinColumns = @JoinColumn(name = "channel_id"), inverseJoinColumns = @JoinColumn(name = "user_id"))
    private Set<User> routeUsers = new HashSet<>();

    @ManyToMany
    @JoinTable(name = "channel_route_teams", joinColumns = @JoinColumn(name = "channel_id"), inverseJoinColumns = @JoinColumn(name = "team_id"))
    private Set<Team> routeTeams = new HashSet<>();

    @OneToMany(mappedBy = "channel", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<SkillRule> skillRules = new ArrayList<>();

    /** Settings of the channel's type (mailbox, widget, page token …) as JSON; secrets inside are sealed. */
    @Column(name = "type_settings")
    private String typeSettings;

    @Column(name = "created_at")
    private Instant createdAt;

    @Version
    private long version;

    protected Channel() {
    }

    /** A channel connected to the help desk. */
    public Channel(String kind, String name, TicketDefaults ticketDefaults) {
        this.type = requireKind(kind);
        rename(name);
        this.ticketDefaults = Checks.require(ticketDefaults, "Ticket defaults");
        this.destination = ChannelDestination.HELP_DESK;
        this.publicKey = newPublicKey();
        this.createdAt = Instant.now();
    }

    /** A kind is an upper-case name such as CUSTOM; which kinds exist is up to the connectors. */
    static String requireKind(String kind) {
        String value = Checks.requireText(kind, "Channel type", 30);
        if (!KIND.matcher(value).matches()) {
            throw new IllegalArgumentException("Channel type '" + kind + "' is not a channel kind name (A-Z, digits, _)");
        }
        return value;
    }

    static String newPublicKey() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public void rename(String newName) {
        this.name = Checks.requireText(newName, "Channel name", 100);
    }

    public void enable() {
        this.enabled = true;
    }

    public void disable() {
        this.enabled = false;
    }

    public void connectToHelpDesk() {
        this.destination = ChannelDestination.HELP_DESK;
        this.inbox = null;
    }

    public void connectToInbox(Inbox sharedInbox) {
        this.inbox = Checks.require(sharedInbox, "Inbox");
        this.destination = ChannelDestination.SHARED_INBOX;
    }

    public void changeTicketDefaults(TicketDefaults defaults) {
        this.ticketDefaults = Checks.require(defaults, "Ticket defaults");
    }

    public void routeToNoOne() {
        this.routingMode = RoutingMode.NO_ONE;
        routeUsers.clear();
        routeTeams.clear();
    }

    public void routeTo(Set<User> users, Set<Team> teams) {
        if ((users == null || users.isEmpty()) && (teams == null || teams.isEmpty())) {
            throw new IllegalArgumentException("Choose at least one user or team to assign tickets to");
        }
        this.routingMode = RoutingMode.USERS_AND_TEAMS;
        routeUsers = users == null ? new HashSet<>() : new HashSet<>(users);
        routeTeams = teams == null ? new HashSet<>() : new HashSet<>(teams);
    }

    public void routeToContactOwner() {
        this.routingMode = RoutingMode.CONTACT_OWNER;
        routeUsers.clear();
        routeTeams.clear();
    }

    /** Replaces the skill rules; each rule is (language, category, keywords, team, required skills). */
    public void replaceSkillRules(List<SkillRuleSpec> rules) {
        skillRules.clear();
        for (SkillRuleSpec rule : rules) {
            skillRules.add(new SkillRule(this, skillRules.size(), rule.language(), rule.category(), rule.keywords(), rule.team(), rule.skills()));
        }
    }

    /** What a skill rule says, before it belongs to a channel. */
    public record SkillRuleSpec(String language, String category, List<String> keywords, Team team, Set<Skill> skills) {
    }

    public void routeToAvailableOnly(boolean availableOnly) {
        this.routeToAvailableOnly = availableOnly;
    }

    public void changeTypeSettings(String json) {
        this.typeSettings = json;
    }

    public boolean createsTickets() {
        return destination == ChannelDestination.HELP_DESK;
    }

    public Long getId() {
        return id;
    }

    public String getType() {
        return type;
    }

    public String getName() {
        return name;
    }

    public String getPublicKey() {
        return publicKey;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public ChannelDestination getDestination() {
        return destination;
    }

    public Inbox getInbox() {
        return inbox;
    }

    public TicketDefaults getTicketDefaults() {
        return ticketDefaults;
    }

    public RoutingMode getRoutingMode() {
        return routingMode;
    }

    public boolean routesToAvailableOnly() {
        return routeToAvailableOnly;
    }

    public Set<User> getRouteUsers() {
        return Collections.unmodifiableSet(routeUsers);
    }

    public Set<Team> getRouteTeams() {
        return Collections.unmodifiableSet(routeTeams);
    }

    public List<SkillRule> getSkillRules() {
        return Collections.unmodifiableList(skillRules);
    }

    public String getTypeSettings() {
        return typeSettings;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getVersion() {
        return version;
    }
}
