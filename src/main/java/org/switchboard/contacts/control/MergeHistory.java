package org.switchboard.contacts.control;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.switchboard.contacts.entity.ContactMerge;
import org.switchboard.platform.i18n.Texts;

/** The contacts merged into this one, on its card: the other's name, what identified it, who merged them. */
@ApplicationScoped
public class MergeHistory implements ContactHistory {

    @PersistenceContext
    EntityManager em;

    @Inject
    Texts texts;

    @Override
    @Transactional
    public List<Record> of(long contactId) {
        return em.createNamedQuery("ContactMerge.ofContact", ContactMerge.class).setParameter("contact", contactId).setMaxResults(20)
                .getResultStream().map(m -> new Record(m.getMergedAt(), texts.get("contact.mergedRecord",
                        m.getMergedName() == null ? "#" + m.getMergedContactId() : m.getMergedName()), List.of(
                        new Line(texts.get("contact.mergedKnownBy"), m.getMergedDetails().isBlank() ? "—" : m.getMergedDetails()),
                        new Line(texts.get("contact.mergedBy"), m.getMergedBy() == null ? "—" : m.getMergedBy()))))
                .toList();
    }
}
