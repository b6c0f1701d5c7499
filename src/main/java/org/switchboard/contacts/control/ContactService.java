package org.switchboard.contacts.control;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.switchboard.contacts.entity.Contact;
import org.switchboard.identity.entity.User;

/** Reading contacts and giving them an owner (the agent who routing prefers for their tickets). */
@ApplicationScoped
@Transactional
public class ContactService {

    @PersistenceContext
    EntityManager em;

    @Inject
    ContactPictures pictures;

    /** @param picture the contact's picture, relative to the application ({@code files/contacts/{id}/picture}), or null */
    public record ContactView(long id, String fullName, List<String> emails, List<String> phones, Long ownerId, String owner, String picture) {
    }

    public Optional<ContactView> get(long id) {
        return Optional.ofNullable(em.find(Contact.class, id)).map(this::view);
    }

    /** @param ownerId null removes the owner */
    public Optional<ContactView> assignOwner(long id, Long ownerId) {
        Contact contact = em.find(Contact.class, id);
        if (contact == null) {
            return Optional.empty();
        }
        User owner = null;
        if (ownerId != null) {
            owner = em.find(User.class, ownerId);
            if (owner == null) {
                throw new IllegalArgumentException("ownerId: no user " + ownerId);
            }
        }
        contact.assignOwner(owner);
        return Optional.of(view(contact));
    }

    private ContactView view(Contact contact) {
        return new ContactView(contact.getId(), contact.getFullName(), contact.getEmails().stream().sorted().toList(),
                contact.getPhones().stream().sorted().toList(), contact.getOwner() == null ? null : contact.getOwner().getId(),
                contact.getOwner() == null ? null : contact.getOwner().getUsername(), pictures.has(contact.getId()) ? "files/contacts/" + contact.getId() + "/picture" : null);
    }
}
