package org.switchboard.workspace.control;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import org.switchboard.channels.entity.Channel;
import org.switchboard.contacts.entity.Contact;
import org.switchboard.contacts.entity.ContactMerge;
import org.switchboard.identity.entity.User;
import org.switchboard.tickets.control.TicketActivity;
import org.switchboard.tickets.entity.Phrase;
import org.switchboard.tickets.entity.Ticket;
import org.switchboard.tickets.entity.TicketEvent;
import org.switchboard.tickets.entity.TicketEventType;

/**
 * Merging two contacts that are one person (one person writing to two Facebook pages is two
 * contacts: Messenger gives no email). Everything of the other contact moves to the one that stays:
 * emails, phones, channel identities, tickets with their conversations, consents; the name, owner and picture
 * when the one that stays has none. Both timelines say so: every ticket of either contact gets a
 * "contacts merged" entry, and the contact that stays keeps a record of the other on its card. The
 * two rows are locked in id order, so two merges of the same pair cannot interleave.
 */
@ApplicationScoped
public class ContactMerges {

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<TicketActivity> activity;

    public record Merged(long contactId, String name, int ticketsMoved) {
    }

    @Transactional
    public Merged merge(long keepId, long otherId, String username) {
        if (keepId == otherId) {
            throw new IllegalArgumentException("from: a contact cannot be merged into itself");
        }
        // both rows locked, lower id first
        em.createNativeQuery("SELECT id FROM contacts WHERE id IN (?, ?) ORDER BY id FOR UPDATE").setParameter(1, keepId).setParameter(2, otherId)
                .getResultList();
        Contact keep = em.find(Contact.class, keepId);
        Contact other = em.find(Contact.class, otherId);
        if (keep == null) {
            throw new NotFoundException("No contact " + keepId);
        }
        if (other == null) {
            throw new IllegalArgumentException("from: no contact " + otherId + " (merged already?)");
        }
        User by = em.createNamedQuery("User.byUsername", User.class).setParameter("username", username).getResultStream().findFirst().orElse(null);
        String keepName = keep.getFullName() == null && other.getFullName() != null ? other.getFullName() : keep.displayName();
        String otherName = other.displayName();
        String details = details(other);
        String otherFullName = other.getFullName();
        Long otherOwner = other.getOwner() == null ? null : other.getOwner().getId();
        List<Long> keepTickets = ticketsOf(keepId);
        List<Long> movedTickets = ticketsOf(otherId);
        em.flush();
        em.clear(); // the rows move by SQL below; nothing stale stays in this context
        for (String table : List.of("contact_emails", "contact_phones", "contact_identities", "tickets", "conversations", "channel_consents")) {
            em.createNativeQuery("UPDATE " + table + " SET contact_id = ? WHERE contact_id = ?").setParameter(1, keepId).setParameter(2, otherId)
                    .executeUpdate();
        }
        em.createNativeQuery("UPDATE contact_merges SET contact_id = ? WHERE contact_id = ?").setParameter(1, keepId).setParameter(2, otherId).executeUpdate();
        // the other's picture only where the kept contact has none; otherwise it goes with the other's row
        em.createNativeQuery("UPDATE contact_pictures SET contact_id = ? WHERE contact_id = ? AND NOT EXISTS (SELECT 1 FROM contact_pictures k WHERE k.contact_id = ?)")
                .setParameter(1, keepId).setParameter(2, otherId).setParameter(3, keepId).executeUpdate();
        em.createNativeQuery("DELETE FROM contacts WHERE id = ?").setParameter(1, otherId).executeUpdate();
        // the name and owner through JPA: a null bound into SQL has no type PostgreSQL can match (COALESCE(bigint, varchar))
        Contact kept = em.find(Contact.class, keepId);
        if (kept.getFullName() == null && otherFullName != null) {
            kept.rename(otherFullName);
        }
        if (kept.getOwner() == null && otherOwner != null) {
            kept.assignOwner(em.find(User.class, otherOwner));
        }
        em.persist(new ContactMerge(keepId, otherId, otherFullName, details, username));
        User actor = by == null ? null : em.find(User.class, by.getId());
        List<Long> all = new ArrayList<>(keepTickets);
        all.addAll(movedTickets);
        for (long ticketId : all) {
            em.persist(new TicketEvent(em.getReference(Ticket.class, ticketId), TicketEventType.CONTACT_MERGED, actor,
                    Phrase.of("timeline.contactsMerged", "other", otherName, "contact", keepName)));
        }
        if (!all.isEmpty()) {
            activity.fire(new TicketActivity(all));
        }
        return new Merged(keepId, keepName, movedTickets.size());
    }

    /** Another contact who may be the same person: someone of the same name, and how each is known. */
    public record Lookalike(long id, String name, String knownBy, long tickets) {
    }

    /**
     * Contacts with the same name as this one (case and spacing aside), at most five: a person who
     * wrote to two Facebook pages, or by Messenger and by email, is two contacts until an agent merges them.
     */
    @Transactional
    public List<Lookalike> lookalikes(long id) {
        Contact contact = em.find(Contact.class, id);
        if (contact == null || contact.getFullName() == null || contact.getFullName().isBlank()) {
            return List.of();
        }
        return em.createQuery("SELECT c FROM Contact c WHERE LOWER(TRIM(c.fullName)) = :name AND c.id <> :id ORDER BY c.id", Contact.class)
                .setParameter("name", contact.getFullName().strip().toLowerCase(java.util.Locale.ROOT)).setParameter("id", id).setMaxResults(5)
                .getResultStream().map(c -> new Lookalike(c.getId(), c.getFullName(), String.join(", ", knownBy(c)),
                        em.createQuery("SELECT COUNT(t) FROM Ticket t WHERE t.contact = :c", Long.class).setParameter("c", c).getSingleResult()))
                .toList();
    }

    private List<String> knownBy(Contact contact) {
        List<String> known = new java.util.ArrayList<>(contact.getEmails().stream().sorted().toList());
        known.addAll(contact.getPhones().stream().sorted().toList());
        for (var identity : contact.getIdentities()) {
            String channel = identity.kind().startsWith("channel-") ? java.util.Optional.ofNullable(em.find(Channel.class,
                    Long.parseLong(identity.kind().substring("channel-".length())))).map(Channel::getName).orElse(null) : null;
            known.add(channel != null ? channel : identity.kind());
        }
        return known;
    }

    private List<Long> ticketsOf(long contactId) {
        return em.createQuery("SELECT t.id FROM Ticket t WHERE t.contact.id = :c ORDER BY t.id", Long.class).setParameter("c", contactId).getResultList();
    }

    private static String details(Contact other) {
        List<String> parts = new ArrayList<>();
        parts.addAll(other.getEmails());
        parts.addAll(other.getPhones());
        other.getIdentities().forEach(identity -> parts.add(identity.toString()));
        String joined = String.join(", ", parts);
        return joined;
    }
}
