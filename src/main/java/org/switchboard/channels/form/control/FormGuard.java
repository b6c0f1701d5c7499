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

    /**
     * Admits a submission: under the form row's lock, so the limits are exact across instances,
     * the client's and the form's counts are checked and the submission is recorded in the same
     * transaction. A nonce already recorded (a double post, or a retry after a failure) is admitted
     * again without counting twice. The installation's address limits count the client's
     * submissions to every form; a form's own address limits count those to this form only.
     * Empty when admitted.
     */
    @Transactional
    public Optional<Refusal> admit(FormSubmission submission, FormProtection protection, Instant now) {
        em.find(Form.class, submission.getFormId(), LockModeType.PESSIMISTIC_WRITE);
        if (recorded(submission.getFormId(), submission.getNonce()) != null) {
            return Optional.empty();
        }
        Instant hourAgo = now.minus(Duration.ofHours(1));
        Instant dayAgo = now.minus(Duration.ofDays(1));
        if (countByClient(submission.getClientKey(), null, hourAgo) >= limits.perAddressHour()
                || countByClient(submission.getClientKey(), null, dayAgo) >= limits.perAddressDay()
                || (protection.perAddressHour() != null && countByClient(submission.getClientKey(), submission.getFormId(), hourAgo) >= protection.perAddressHour())
                || (protection.perAddressDay() != null && countByClient(submission.getClientKey(), submission.getFormId(), dayAgo) >= protection.perAddressDay())) {
            return Optional.of(Refusal.RATE_ADDRESS);
        }
        long formDay = em.createQuery("SELECT COUNT(s) FROM FormSubmission s WHERE s.formId = :f AND s.submittedAt > :since", Long.class)
                .setParameter("f", submission.getFormId()).setParameter("since", dayAgo).getSingleResult();
        if (formDay >= (protection.perFormDay() != null ? protection.perFormDay() : limits.perFormDay())) {
            return Optional.of(Refusal.RATE_FORM);
        }
        em.persist(submission);
        return Optional.empty();
    }

    /** Links the record to the journaled item once the journal holds it. */
    @Transactional
    public void journaled(long formId, String nonce, long inboundItemId) {
        FormSubmission submission = recorded(formId, nonce);
        if (submission != null) {
            submission.journaledAs(inboundItemId);
        }
    }

    private FormSubmission recorded(long formId, String nonce) {
        return em.createQuery("SELECT s FROM FormSubmission s WHERE s.formId = :f AND s.nonce = :n", FormSubmission.class)
                .setParameter("f", formId).setParameter("n", nonce).getResultStream().findFirst().orElse(null);
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

    /** The client's submissions since then: to one form, or to every form when {@code formId} is null. */
    private long countByClient(String clientKey, Long formId, Instant since) {
        if (formId == null) {
            return em.createQuery("SELECT COUNT(s) FROM FormSubmission s WHERE s.clientKey = :c AND s.submittedAt > :since", Long.class)
                    .setParameter("c", clientKey).setParameter("since", since).getSingleResult();
        }
        return em.createQuery("SELECT COUNT(s) FROM FormSubmission s WHERE s.clientKey = :c AND s.formId = :f AND s.submittedAt > :since", Long.class)
                .setParameter("c", clientKey).setParameter("f", formId).setParameter("since", since).getSingleResult();
    }
}
