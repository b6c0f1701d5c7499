package org.switchboard.calls.control;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.switchboard.identity.entity.User;

/**
 * The Switchboard user a phone system means: by the calling address on their profile (a number in any
 * writing, an extension, {@code sip:}/{@code client:}), else by user name, email or full name.
 */
@ApplicationScoped
public class CallAgents {

    @PersistenceContext
    EntityManager em;

    /**
     * Who a name means, kept two seconds: every answer of every call asks, and a query between a batch's
     * events would flush the batch's rows. A user changed meanwhile is seen within the two seconds.
     */
    private final org.switchboard.platform.cache.RecentLookups<String, Long> recent =
            new org.switchboard.platform.cache.RecentLookups<>(java.time.Duration.ofSeconds(2), 1000);

    public Optional<User> find(String named, String country) {
        if (named == null || named.isBlank()) {
            return Optional.empty();
        }
        return recent.get(country + "|" + named, key -> lookUp(named, country).map(User::getId)).map(id -> em.find(User.class, id));
    }

    private Optional<User> lookUp(String named, String country) {
        String wanted = PhoneNumbers.address(named);
        String wantedE164 = PhoneNumbers.e164(named, country).orElse(null);
        List<User> reachable = em.createQuery("SELECT u FROM User u WHERE u.callingAddress IS NOT NULL AND u.active = TRUE", User.class)
                .setFlushMode(jakarta.persistence.FlushModeType.COMMIT).getResultList();
        for (User user : reachable) {
            String address = user.getCallingAddress();
            if (wanted.equals(PhoneNumbers.address(address))
                    || (wantedE164 != null && wantedE164.equals(PhoneNumbers.e164(address, country).orElse(null)))) {
                return Optional.of(user);
            }
        }
        String name = named.strip().toLowerCase(Locale.ROOT);
        return em.createQuery("SELECT u FROM User u WHERE LOWER(u.username) = :name OR LOWER(u.email) = :name OR LOWER(u.fullName) = :name", User.class)
                .setParameter("name", name).setFlushMode(jakarta.persistence.FlushModeType.COMMIT).getResultList().stream().filter(Objects::nonNull).findFirst();
    }
}
