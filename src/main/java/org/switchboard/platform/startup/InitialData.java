package org.switchboard.platform.startup;

import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.switchboard.identity.entity.Role;
import org.switchboard.identity.entity.User;
import org.switchboard.identity.security.PasswordHasher;
import org.switchboard.pipelines.entity.Pipeline;

/**
 * First-start data: the admin user and the default "Support pipeline". Runs on every start and
 * adds only what is missing, so restarts and several instances starting together are harmless.
 */
@ApplicationScoped
@Transactional
public class InitialData {

    public static final String ADMIN_USERNAME = "admin";
    public static final String DEFAULT_PIPELINE = "Support pipeline";
    private static final String PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHasher hasher;

    void seed(Optional<String> configuredAdminPassword) {
        seedPipeline();
        if (em.createNamedQuery("User.count", Long.class).getSingleResult() == 0) {
            seedAdmin(configuredAdminPassword);
        }
    }

    private void seedPipeline() {
        if (em.createNamedQuery("Pipeline.byName", Pipeline.class).setParameter("name", DEFAULT_PIPELINE).getResultList().isEmpty()) {
            Pipeline pipeline = new Pipeline(DEFAULT_PIPELINE);
            pipeline.addStage("New", false);
            pipeline.addStage("Waiting on contact", false);
            pipeline.addStage("Waiting on us", false);
            pipeline.addStage("Closed", true);
            em.persist(pipeline);
        }
    }

    private void seedAdmin(Optional<String> configuredPassword) {
        String password = configuredPassword.orElseGet(InitialData::generatePassword);
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
