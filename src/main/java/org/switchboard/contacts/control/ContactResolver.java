package org.switchboard.contacts.control;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.switchboard.channels.entity.Channel;
import org.switchboard.contacts.entity.Contact;
import org.switchboard.contacts.entity.ExternalIdentity;
import org.switchboard.platform.persistence.BatchTables;
import org.switchboard.platform.persistence.Preloaded;

/**
 * Finds the contact a message is from: by email, then phone, then the channel's identity for the
 * sender; an unknown sender becomes a new contact. Runs inside the caller's transaction; two
 * messages racing to create the same contact meet the database's unique keys, and the loser's
 * processing is retried and then finds the winner's contact. A batch writer may {@link #preload}
 * the senders' addresses of a whole batch in one query.
 */
@ApplicationScoped
public class ContactResolver {

    private static final String BY_EMAIL = ContactResolver.class.getName() + ".byEmail";
    private static final String CREATED = ContactResolver.class.getName() + ".created";
    private static final String BY_PHONE = ContactResolver.class.getName() + ".byPhone";

    @PersistenceContext
    EntityManager em;

    @Inject
    BatchTables tables;

    /** Reads the contacts of these addresses in one query; the batch's new contacts join the table. */
    public void preload(Collection<String> emails) {
        preload(emails, List.of());
    }

    /** The batch's senders by email and by phone (WhatsApp, calls) in a query each, not one per message. */
    public void preload(Collection<String> emails, Collection<String> phones) {
        tables.preloadRows(CREATED, List.of(), none -> Map.of()); // the batch counts the contacts it creates
        preloadBy(BY_EMAIL, "emails", Contact::getEmails, emails);
        preloadBy(BY_PHONE, "phones", Contact::getPhones, phones);
    }

    /**
     * The contacts come with the addresses they are keyed by, fetched in the same query: a contact's
     * addresses read later (its display name, a ticket's name template) would otherwise cost two
     * queries each — its row and the collection — for every contact of the batch.
     */
    private void preloadBy(String table, String collection, Function<Contact, Set<String>> addresses, Collection<String> keys) {
        tables.preloadRows(table, keys, slice -> {
            Set<String> asked = new HashSet<>(slice);
            Map<String, Contact> found = new HashMap<>(); // a contact has several addresses: keyed by each one asked about
            for (Contact contact : em.createQuery("SELECT DISTINCT c FROM Contact c LEFT JOIN FETCH c." + collection
                            + " WHERE c.id IN (SELECT m.id FROM Contact m JOIN m." + collection + " k WHERE k IN :keys)", Contact.class)
                    .setParameter("keys", slice).getResultList()) {
                addresses.apply(contact).stream().filter(asked::contains).forEach(address -> found.putIfAbsent(address, contact));
            }
            return found;
        });
    }

    /** Identities are scoped to the channel: a Messenger page-scoped id means nothing on another page. */
    public static ExternalIdentity identityOn(Channel channel, String externalUserId) {
        return new ExternalIdentity(identityKindOf(channel), externalUserId);
    }

    /** The kind under which a channel's user ids are stored on contacts. */
    public static String identityKindOf(Channel channel) {
        return "channel-" + channel.getId();
    }

    public Contact resolve(Channel channel, Sender sender) {
        return resolve(sender, sender.externalUserId() == null ? null : identityOn(channel, sender.externalUserId()));
    }

    /** The sender's contact if there is one; never creates one. */
    public Optional<Contact> existing(Channel channel, Sender sender) {
        return find(sender, sender.externalUserId() == null ? null : identityOn(channel, sender.externalUserId()));
    }

    /** By email, then phone, then identity (may be null); otherwise a new contact with all of them. */
    public Contact resolve(Sender sender, ExternalIdentity identity) {
        Optional<Contact> found = find(sender, identity);
        if (found.isPresent()) {
            Contact contact = found.get();
            if (contact.getFullName() == null && sender.name() != null) {
                contact.rename(sender.name());
            }
            return contact;
        }
        Contact contact = new Contact(sender.name());
        if (sender.email() != null) {
            contact.addEmail(sender.email());
        }
        if (sender.phone() != null) {
            contact.addPhone(sender.phone());
        }
        if (identity != null) {
            contact.addIdentity(identity);
        }
        em.persist(contact);
        if (sender.email() != null) {
            tables.learn(BY_EMAIL, sender.email(), contact);
        }
        if (sender.phone() != null) {
            tables.learn(BY_PHONE, sender.phone(), contact);
        }
        tables.learn(CREATED, contact, contact);
        return contact;
    }

    /** The contacts the current batch (a transaction that preloaded) created; none outside one. */
    public List<Contact> createdInBatch() {
        Preloaded<Contact, Contact> created = tables.find(CREATED);
        return created == null ? List.of() : List.copyOf(created.rows());
    }

    private Optional<Contact> find(Sender sender, ExternalIdentity identity) {
        Optional<Contact> found = Optional.empty();
        if (sender.email() != null) {
            found = tables.lookup(BY_EMAIL, sender.email(),
                    () -> first(em.createNamedQuery("Contact.byEmail", Contact.class).setParameter("email", sender.email())));
        }
        if (found.isEmpty() && sender.phone() != null) {
            found = tables.lookup(BY_PHONE, sender.phone(),
                    () -> first(em.createNamedQuery("Contact.byPhone", Contact.class).setParameter("phone", sender.phone())));
        }
        if (found.isEmpty() && identity != null) {
            found = first(em.createNamedQuery("Contact.byIdentity", Contact.class)
                    .setParameter("kind", identity.kind()).setParameter("externalId", identity.externalId()));
        }
        return found;
    }

    private static Optional<Contact> first(jakarta.persistence.TypedQuery<Contact> query) {
        return query.setMaxResults(1).getResultStream().findFirst();
    }
}
