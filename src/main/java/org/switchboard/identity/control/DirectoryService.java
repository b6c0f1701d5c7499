package org.switchboard.identity.control;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.switchboard.identity.control.DirectoryDtos.NamedView;
import org.switchboard.identity.control.DirectoryDtos.UserRequest;
import org.switchboard.identity.control.DirectoryDtos.UserView;
import org.switchboard.identity.entity.Availability;
import org.switchboard.identity.entity.Skill;
import org.switchboard.identity.entity.Team;
import org.switchboard.identity.entity.User;
import org.switchboard.identity.security.PasswordHasher;
import org.switchboard.platform.persistence.Lookups;
import org.switchboard.platform.validation.SingleLine;

/** Users, teams and skills: provisioning by API or settings screens; each method one transaction. */
@ApplicationScoped
@Transactional
public class DirectoryService {

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHasher hasher;

    @Inject
    Event<AgentFreed> agentFreed;

    @Inject
    ApiTokenService tokens;

    public UserView createUser(UserRequest request) {
        oneLine(request);
        String username = User.normalizeUsername(request.username());
        if (!em.createNamedQuery("User.byUsername", User.class).setParameter("username", username).getResultList().isEmpty()) {
            throw new IllegalArgumentException("username: " + username + " is taken");
        }
        User user = new User(username, request.fullName(), request.email(), request.roles());
        applyUser(user, request);
        em.persist(user);
        em.flush();
        return view(user);
    }

    public Optional<UserView> updateUser(long id, UserRequest request) {
        User user = em.find(User.class, id);
        if (user == null) {
            return Optional.empty();
        }
        if (request.version() != null && request.version() != user.getVersion()) {
            throw new OptimisticLockException("User " + id + " was changed by someone else");
        }
        oneLine(request);
        tokens.callersChanged(); // roles or active may change: no token check made before counts
        user.rename(request.fullName());
        user.changeEmail(request.email());
        user.changeRoles(request.roles());
        applyUser(user, request);
        em.flush();
        agentFreed.fire(new AgentFreed(id)); // seat, availability or capacity may have opened up
        return Optional.of(view(user));
    }

    public Optional<UserView> changeAvailability(long id, Availability availability) {
        User user = em.find(User.class, id);
        if (user == null) {
            return Optional.empty();
        }
        user.changeAvailability(availability);
        em.flush();
        if (availability == Availability.AVAILABLE) {
            agentFreed.fire(new AgentFreed(id));
        }
        return Optional.of(view(user));
    }

    public Optional<UserView> changeOwnAvailability(String username, Availability availability) {
        return em.createNamedQuery("User.byUsername", User.class).setParameter("username", username).getResultStream().findFirst()
                .flatMap(u -> changeAvailability(u.getId(), availability));
    }

    /** A user's own language for the interface. */
    public Optional<UserView> changeLanguage(long id, String language) {
        User user = em.find(User.class, id);
        if (user == null) {
            return Optional.empty();
        }
        user.changeLanguage(language);
        return Optional.of(view(user));
    }

    /** In a transaction of its own: the view reads the user's skills and teams, lazy on Hibernate. */
    public Optional<UserView> userByUsername(String username) {
        return em.createNamedQuery("User.byUsername", User.class).setParameter("username", username).getResultStream().findFirst()
                .map(DirectoryService::view);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UserView> users() {
        return em.createQuery("SELECT DISTINCT u FROM User u LEFT JOIN FETCH u.skills LEFT JOIN FETCH u.teams ORDER BY u.username", User.class)
                .getResultStream().map(DirectoryService::view).toList();
    }

    public Optional<UserView> user(long id) {
        return Optional.ofNullable(em.find(User.class, id)).map(DirectoryService::view);
    }

    public NamedView createTeam(String name) {
        requireUnique("Team.byName", SingleLine.check(name, "name"), "name");
        Team team = new Team(name);
        em.persist(team);
        em.flush();
        return new NamedView(team.getId(), team.getName());
    }

    public NamedView createSkill(String name) {
        requireUnique("Skill.byName", SingleLine.check(name, "name"), "name");
        Skill skill = new Skill(name);
        em.persist(skill);
        em.flush();
        return new NamedView(skill.getId(), skill.getName());
    }

    /** Pages call here without the REST layer's Bean Validation: the same single-line rule. */
    private static void oneLine(UserRequest request) {
        SingleLine.check(request.username(), "username");
        SingleLine.check(request.fullName(), "fullName");
        SingleLine.check(request.email(), "email");
    }

    public Optional<NamedView> renameTeam(long id, String name) {
        return Optional.ofNullable(em.find(Team.class, id)).map(t -> {
            t.rename(SingleLine.check(name, "name"));
            return new NamedView(t.getId(), t.getName());
        });
    }

    public Optional<NamedView> renameSkill(long id, String name) {
        return Optional.ofNullable(em.find(Skill.class, id)).map(s -> {
            s.rename(SingleLine.check(name, "name"));
            return new NamedView(s.getId(), s.getName());
        });
    }

    public boolean deleteTeam(long id) {
        return delete(Team.class, id);
    }

    public boolean deleteSkill(long id) {
        return delete(Skill.class, id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<NamedView> teams() {
        return em.createQuery("SELECT t FROM Team t ORDER BY t.name", Team.class).getResultStream().map(t -> new NamedView(t.getId(), t.getName())).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<NamedView> skills() {
        return em.createQuery("SELECT s FROM Skill s ORDER BY s.name", Skill.class).getResultStream().map(s -> new NamedView(s.getId(), s.getName())).toList();
    }

    private <T> boolean delete(Class<T> type, long id) {
        T found = em.find(type, id);
        if (found == null) {
            return false;
        }
        em.remove(found);
        return true;
    }

    private void requireUnique(String query, String name, String field) {
        if (!em.createNamedQuery(query).setParameter("name", name == null ? "" : name.strip()).getResultList().isEmpty()) {
            throw new IllegalArgumentException(field + ": " + name + " exists already");
        }
    }

    /** One calling address, one user: a phone system names who answered by it. Compared without spaces, dashes and case. */
    private void requireOwnCallingAddress(User user, String address) {
        if (address == null || address.isBlank()) {
            return;
        }
        String wanted = comparable(address);
        for (User other : em.createQuery("SELECT u FROM User u WHERE u.callingAddress IS NOT NULL", User.class).getResultList()) {
            if (other != user && wanted.equals(comparable(other.getCallingAddress()))) {
                throw new IllegalArgumentException("callingAddress: " + address.strip() + " is " + other.getUsername() + "'s");
            }
        }
    }

    private static String comparable(String address) {
        return address.replaceAll("[\\s()./-]", "").toLowerCase(java.util.Locale.ROOT);
    }

    private void applyUser(User user, UserRequest request) {
        if (request.paidSeat() != null) {
            if (request.paidSeat()) {
                user.grantSeat();
            } else {
                user.revokeSeat();
            }
        }
        if (request.availability() != null) {
            user.changeAvailability(request.availability());
        }
        user.limitCapacity(request.capacity());
        requireOwnCallingAddress(user, request.callingAddress());
        user.reachableAt(request.callingAddress());
        if (request.language() != null) {
            user.changeLanguage(request.language());
        }
        if (request.active() != null) {
            if (request.active()) {
                user.activate();
            } else {
                user.deactivate();
            }
        }
        if (request.password() != null) {
            user.changePasswordHash(hasher.hash(request.password().toCharArray()));
        }
        if (request.skillIds() != null) {
            Set.copyOf(user.getSkills()).forEach(user::removeSkill);
            request.skillIds().forEach(sid -> user.addSkill(find(Skill.class, sid, "skillIds")));
        }
        if (request.teamIds() != null) {
            Set.copyOf(user.getTeams()).forEach(user::leaveTeam);
            request.teamIds().forEach(tid -> user.joinTeam(find(Team.class, tid, "teamIds")));
        }
    }

    private <T> T find(Class<T> type, Long id, String field) {
        return Lookups.require(em, type, id, field);
    }

    static UserView view(User u) {
        return new UserView(u.getId(), u.getUsername(), u.getFullName(), u.getEmail(), u.getRoles(), u.hasPaidSeat(), u.getAvailability(),
                u.getCapacity(), u.getSkills().stream().map(Skill::getId).collect(Collectors.toSet()),
                u.getTeams().stream().map(Team::getId).collect(Collectors.toSet()), u.getLanguage(), u.isActive(), u.getVersion(), u.getCreatedAt(),
                u.getCallingAddress());
    }
}
