package org.switchboard.identity.entity;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.switchboard.platform.persistence.Checks;

/**
 * A person who signs in: an admin, agent or operator. Agents with a paid seat and availability
 * "available" are candidates for automatic assignment, up to their capacity of open tickets.
 */
@Entity
@Table(name = "users")
@NamedQuery(name = "User.byUsername", query = "SELECT u FROM User u WHERE u.username = :username")
@NamedQuery(name = "User.count", query = "SELECT COUNT(u) FROM User u")
public class User {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,99}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    @Id
    @SequenceGenerator(name = "users_seq", sequenceName = "users_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "users_seq")
    private Long id;

    private String username;

    @Column(name = "full_name")
    private String fullName;

    private String email;

    @Column(name = "password_hash")
    private String passwordHash;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_roles", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @Column(name = "paid_seat")
    private boolean paidSeat;

    @Enumerated(EnumType.STRING)
    private Availability availability = Availability.AVAILABLE;

    /** Most open tickets this agent is given automatically; null means no cap. */
    private Integer capacity;

    /**
     * Where a call reaches this agent: a phone number, an extension, {@code sip:…} or {@code client:…}
     * (a browser phone). Phone systems name who answered by it; null when the agent takes no calls.
     */
    @Column(name = "calling_address")
    private String callingAddress;

    @ManyToMany
    @JoinTable(name = "user_skills", joinColumns = @JoinColumn(name = "user_id"), inverseJoinColumns = @JoinColumn(name = "skill_id"))
    private Set<Skill> skills = new HashSet<>();

    @ManyToMany
    @JoinTable(name = "team_members", joinColumns = @JoinColumn(name = "user_id"), inverseJoinColumns = @JoinColumn(name = "team_id"))
    private Set<Team> teams = new HashSet<>();

    /** BCP 47 tag of the interface language the user picked. */
    private String language = "en";

    private boolean active = true;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "last_assigned_at")
    private Instant lastAssignedAt;

    @Version
    private long version;

    protected User() {
    }

    public User(String username, String fullName, String email, Set<Role> roles) {
        this.username = normalizeUsername(username);
        rename(fullName);
        changeEmail(email);
        changeRoles(roles);
        this.createdAt = Instant.now();
    }

    public static String normalizeUsername(String username) {
        String value = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(value).matches()) {
            throw new IllegalArgumentException("User name must be 1-100 letters, digits or . _ @ - (got '" + username + "')");
        }
        return value;
    }

    public void rename(String newName) {
        this.fullName = Checks.requireText(newName, "Name", 200);
    }

    public void changeEmail(String newEmail) {
        String value = Checks.optionalText(newEmail, "Email", 320);
        if (value != null && !EMAIL.matcher(value).matches()) {
            throw new IllegalArgumentException("Email '" + newEmail + "' is not an email address");
        }
        this.email = value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    public void changeRoles(Set<Role> newRoles) {
        if (newRoles == null || newRoles.isEmpty()) {
            throw new IllegalArgumentException("A user needs at least one role");
        }
        this.roles = EnumSet.copyOf(newRoles);
    }

    public void changePasswordHash(String hash) {
        this.passwordHash = Checks.require(hash, "Password hash");
    }

    public void grantSeat() {
        this.paidSeat = true;
    }

    public void revokeSeat() {
        this.paidSeat = false;
    }

    public void changeAvailability(Availability newAvailability) {
        this.availability = Checks.require(newAvailability, "Availability");
    }

    public void limitCapacity(Integer openTickets) {
        if (openTickets != null && openTickets < 0) {
            throw new IllegalArgumentException("Capacity must be zero or more open tickets");
        }
        this.capacity = openTickets;
    }

    public void reachableAt(String address) {
        String value = Checks.optionalText(address == null ? null : address.strip(), "Calling address", 200);
        if (value != null && value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == '<' || c == '>' || c == '"')) {
            throw new IllegalArgumentException("Calling address '" + value + "' is not a number, extension, sip: or client: address");
        }
        this.callingAddress = value;
    }

    public String getCallingAddress() {
        return callingAddress;
    }

    public void changeLanguage(String languageTag) {
        this.language = Checks.requireText(languageTag, "Language", 35);
    }

    public void addSkill(Skill skill) {
        skills.add(Checks.require(skill, "Skill"));
    }

    public void removeSkill(Skill skill) {
        skills.remove(skill);
    }

    public void joinTeam(Team team) {
        teams.add(Checks.require(team, "Team"));
    }

    public void leaveTeam(Team team) {
        teams.remove(team);
    }

    public void deactivate() {
        this.active = false;
    }

    public void activate() {
        this.active = true;
    }

    public void recordAssignment(Instant at) {
        this.lastAssignedAt = at;
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getFullName() {
        return fullName;
    }

    public String getEmail() {
        return email;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public Set<Role> getRoles() {
        return Collections.unmodifiableSet(roles);
    }

    public boolean hasPaidSeat() {
        return paidSeat;
    }

    public Availability getAvailability() {
        return availability;
    }

    public Integer getCapacity() {
        return capacity;
    }

    public Set<Skill> getSkills() {
        return Collections.unmodifiableSet(skills);
    }

    public Set<Team> getTeams() {
        return Collections.unmodifiableSet(teams);
    }

    public String getLanguage() {
        return language;
    }

    public boolean isActive() {
        return active;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastAssignedAt() {
        return lastAssignedAt;
    }

    public long getVersion() {
        return version;
    }
}
