package org.switchboard.identity.control;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.switchboard.identity.entity.Role;
import org.switchboard.identity.entity.User;
import org.switchboard.identity.security.PasswordHasher;

/** Password checks and role look-ups for sign-in; the only place that reads password hashes. */
@ApplicationScoped
@Transactional
public class Accounts {

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHasher hasher;

    /** The caller if the name and password match an active user; the same time is spent either way. */
    public Optional<Caller> checkPassword(String username, char[] password) {
        Optional<User> user = findActive(username);
        if (user.isEmpty() || user.get().getPasswordHash() == null) {
            hasher.burnEquivalentTime(password);
            return Optional.empty();
        }
        User found = user.get();
        if (!hasher.verify(password, found.getPasswordHash())) {
            return Optional.empty();
        }
        if (hasher.needsRehash(found.getPasswordHash())) {
            found.changePasswordHash(hasher.hash(password));
        }
        return Optional.of(callerOf(found));
    }

    /** The caller's current groups, or empty when the user was deactivated or removed since sign-in. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Caller> currentCaller(String username) {
        return findActive(username).map(Accounts::callerOf);
    }

    static Caller callerOf(User user) {
        Set<String> groups = user.getRoles().stream().map(Role::groupName).collect(Collectors.toUnmodifiableSet());
        return new Caller(user.getUsername(), groups);
    }

    private Optional<User> findActive(String username) {
        String normalized;
        try {
            normalized = User.normalizeUsername(username);
        } catch (IllegalArgumentException notAName) {
            return Optional.empty();
        }
        return em.createNamedQuery("User.byUsername", User.class).setParameter("username", normalized)
                .getResultStream().filter(User::isActive).findFirst();
    }
}
