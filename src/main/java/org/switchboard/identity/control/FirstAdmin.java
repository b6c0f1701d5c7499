package org.switchboard.identity.control;

import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.switchboard.identity.entity.Role;
import org.switchboard.identity.entity.User;
import org.switchboard.identity.security.PasswordHasher;
import org.switchboard.platform.startup.SchemaReady;

/**
 * The first admin, on the first start: the password from SWITCHBOARD_ADMIN_PASSWORD or generated
 * and printed once. Runs on every start and adds nothing once any user exists, so restarts and
 * several instances starting together are harmless.
 */
@ApplicationScoped
@Transactional
public class FirstAdmin {

    public static final String ADMIN_USERNAME = "admin";
    private static final String PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHasher hasher;

    void seed(@Observes SchemaReady ready) {
        Optional<String> configuredAdminPassword = ready.adminPassword();
        if (em.createNamedQuery("User.count", Long.class).getSingleResult() == 0) {
            seedAdmin(configuredAdminPassword);
        }
    }

    private void seedAdmin(Optional<String> configuredPassword) {
        String password = configuredPassword.orElseGet(FirstAdmin::generatePassword);
        User admin = new User(ADMIN_USERNAME, "Administrator", null, EnumSet.of(Role.ADMIN, Role.AGENT, Role.OPERATOR));
        admin.changePasswordHash(hasher.hash(password.toCharArray()));
        admin.grantSeat();
        em.persist(admin);
        em.flush();
        // Printed to the console once, on purpose: the only way to learn a generated password.
        System.out.println();
        System.out.println("==================================================================");
        System.out.println(" Switchboard first start: sign in as '" + ADMIN_USERNAME + "'");
        System.out.println(configuredPassword.isPresent()
                ? " with the password from SWITCHBOARD_ADMIN_PASSWORD."
                : " with password: " + password + "   (shown once; change it after signing in)");
        System.out.println("==================================================================");
        System.out.println();
    }

    static String generatePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }
}
