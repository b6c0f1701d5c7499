package org.switchboard.contacts.control;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Consents contacts gave on a channel (a chat visitor, a Messenger user — {@code channel_consents}): what each accepted, in which mode
 * and words, and when; one per visitor and channel, kept on the contact.
 */
@ApplicationScoped
@Transactional
public class ChannelConsents {

    /** One consent as the contact card shows it. */
    public record Consent(long channelId, String channel, String mode, String text, Instant acceptedAt) {
    }

    @PersistenceContext
    EntityManager em;

    public boolean given(long channelId, String visitorId) {
        return !em.createNativeQuery("SELECT 1 FROM channel_consents WHERE channel_id = ? AND visitor_id = ?")
                .setParameter(1, channelId).setParameter(2, visitorId).getResultList().isEmpty();
    }

    /** Records the consent unless the visitor gave it before (the first one stays, with its words and time). */
    public void record(long channelId, String visitorId, Long contactId, String mode, String text, String language) {
        if (given(channelId, visitorId)) {
            return;
        }
        em.createNativeQuery("INSERT INTO channel_consents (channel_id, visitor_id, contact_id, mode, consent_text, language, accepted_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .setParameter(1, channelId).setParameter(2, visitorId).setParameter(3, contactId).setParameter(4, mode)
                .setParameter(5, text).setParameter(6, language).setParameter(7, OffsetDateTime.now(ZoneOffset.UTC)).executeUpdate();
    }

    public List<Consent> ofContact(long contactId) {
        List<?> rows = em.createNativeQuery("SELECT cc.channel_id, c.name, cc.mode, cc.consent_text, cc.accepted_at FROM channel_consents cc"
                + " JOIN channels c ON c.id = cc.channel_id WHERE cc.contact_id = ? ORDER BY cc.accepted_at DESC").setParameter(1, contactId).getResultList();
        return rows.stream().map(Object[].class::cast).map(r -> new Consent(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                (String) r[3], instant(r[4]))).toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.ZonedDateTime zoned) {
            return zoned.toInstant();
        }
        return value instanceof Instant instant ? instant : null;
    }
}
