package org.switchboard.channels.form.control;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.switchboard.channels.form.entity.Form;
import org.switchboard.channels.form.entity.FormSubmission;
import org.switchboard.contacts.entity.Contact;

/**
 * A contact's form submissions with every value, hidden fields included: what the help desk view
 * leaves out (campaign, source page) stays readable on the contact's record.
 */
@ApplicationScoped
@Transactional
public class FormSubmissions {

    @PersistenceContext
    EntityManager em;

    public record SubmissionView(long id, long formId, String form, Instant submittedAt, List<FormPayload.Value> values) {
    }

    /** Newest first; empty when there is no such contact. */
    public Optional<List<SubmissionView>> ofContact(long contactId) {
        Contact contact = em.find(Contact.class, contactId);
        if (contact == null) {
            return Optional.empty();
        }
        if (contact.getEmails().isEmpty()) {
            return Optional.of(List.of());
        }
        List<FormSubmission> submissions = em.createQuery(
                        "SELECT s FROM FormSubmission s WHERE s.contactEmail IN :emails ORDER BY s.submittedAt DESC, s.id DESC", FormSubmission.class)
                .setParameter("emails", List.copyOf(contact.getEmails())).setMaxResults(200).getResultList();
        Map<Long, String> names = submissions.isEmpty() ? Map.of()
                : em.createQuery("SELECT f FROM Form f WHERE f.id IN :ids", Form.class)
                .setParameter("ids", submissions.stream().map(FormSubmission::getFormId).distinct().toList()).getResultStream()
                .collect(Collectors.toMap(Form::getId, Form::getName, (a, b) -> a));
        return Optional.of(submissions.stream().map(s -> new SubmissionView(s.getId(), s.getFormId(), names.get(s.getFormId()), s.getSubmittedAt(),
                FormPayload.fromJson(s.getFieldValues().getBytes(java.nio.charset.StandardCharsets.UTF_8)).values())).toList());
    }
}
