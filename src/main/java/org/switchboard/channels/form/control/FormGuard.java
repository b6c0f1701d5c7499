package org.switchboard.channels.form.control;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.switchboard.channels.form.entity.Form;
import org.switchboard.channels.form.entity.FormSubmission;

/**
 * The database side of the spam defence: rate limits counted from accepted submissions (exact
 * across instances: the form's row is locked while counting) and refusals counted per reason.
 */
@ApplicationScoped
public class FormGuard {

    @PersistenceContext
    EntityManager em;

    @Inject
    FormLimits limits;

    /** Empty when the client and the form are under their limits. */
    @Transactional
    public Optional<Refusal> overLimit(long formId, String clientKey, Instant now) {
        em.find(Form.class, formId, LockModeType.PESSIMISTIC_WRITE);
        if (countByClient(clientKey, now.minus(Duration.ofHours(1))) >= limits.perAddressHour()
                || countByClient(clientKey, now.minus(Duration.ofDays(1))) >= limits.perAddressDay()) {
            return Optional.of(Refusal.RATE_ADDRESS);
        }
        long formDay = em.createQuery("SELECT COUNT(s) FROM FormSubmission s WHERE s.formId = :f AND s.submittedAt > :since", Long.class)
                .setParameter("f", formId).setParameter("since", now.minus(Duration.ofDays(1))).getSingleResult();
        return formDay >= limits.perFormDay() ? Optional.of(Refusal.RATE_FORM) : Optional.empty();
    }

    /** Keeps the accepted submission; the same nonce again (a double post) keeps nothing new. */
    @Transactional
    public void record(FormSubmission submission) {
        boolean known = !em.createQuery("SELECT s.id FROM FormSubmission s WHERE s.formId = :f AND s.nonce = :n", Long.class)
                .setParameter("f", submission.getFormId()).setParameter("n", submission.getNonce()).getResultList().isEmpty();
        if (!known) {
            em.persist(submission);
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void countRefusal(long formId, Refusal reason) {
        int updated = em.createNativeQuery("UPDATE form_refusals SET refused = refused + 1 WHERE form_id = ? AND reason = ?")
                .setParameter(1, formId).setParameter(2, reason.name()).executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("INSERT INTO form_refusals (form_id, reason, refused) VALUES (?, ?, 1)")
                    .setParameter(1, formId).setParameter(2, reason.name()).executeUpdate();
        }
    }

    @Transactional
    public Map<Refusal, Long> refusals(long formId) {
        Map<Refusal, Long> counts = new EnumMap<>(Refusal.class);
        @SuppressWarnings("unchecked")
        java.util.List<Object[]> rows = em.createNativeQuery("SELECT reason, refused FROM form_refusals WHERE form_id = ?")
                .setParameter(1, formId).getResultList();
        for (Object[] row : rows) {
            counts.put(Refusal.valueOf((String) row[0]), ((Number) row[1]).longValue());
        }
        return counts;
    }

    private long countByClient(String clientKey, Instant since) {
        return em.createQuery("SELECT COUNT(s) FROM FormSubmission s WHERE s.clientKey = :c AND s.submittedAt > :since", Long.class)
                .setParameter("c", clientKey).setParameter("since", since).getSingleResult();
    }
}
