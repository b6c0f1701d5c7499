package org.switchboard.imports.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.switchboard.channels.entity.Channel;
import org.switchboard.contacts.entity.Contact;
import org.switchboard.conversations.entity.Conversation;
import org.switchboard.conversations.entity.Message;
import org.switchboard.conversations.entity.MessageDirection;
import org.switchboard.inbound.control.InboundMessage;
import org.switchboard.inbound.control.ThreadFinder;
import org.switchboard.platform.persistence.BatchQueries;
import org.switchboard.tickets.control.TicketFactory;
import org.switchboard.tickets.entity.Ticket;

/**
 * What a dry run's earlier chunks would have made. Each dry-run chunk is rolled back, so without
 * this a later chunk would not find the contacts, conversations and messages earlier ones
 * "created": a reply would open a ticket of its own, a sender would be a new contact twice. After
 * each chunk the messages it made and the contacts it created are remembered (in the database, in a
 * transaction of their own, so memory stays flat whatever the mailbox's size); before the next
 * chunk, the ones its mails refer to are recreated as stand-ins inside the chunk's transaction,
 * which rolls them back with the rest. The intake then decides — and the run counts — exactly as a
 * real run would. Forgotten when the dry run ends.
 */
@ApplicationScoped
public class DryRunMemory {

    /** One message a dry-run chunk made, with what later mails can find it by. */
    public record Remembered(String externalId, String channelMessageId, boolean outbound, String threadKey, String contactEmail,
                             boolean withTicket) {
    }

    /** The text of a stand-in (never committed: it lives in a rolled-back chunk). */
    private static final String STAND_IN = "(dry run)";

    @PersistenceContext
    EntityManager em;

    @Inject
    ThreadFinder threads;

    @Inject
    TicketFactory tickets;

    /** What the chunk made, read before it is rolled back. */
    public List<Remembered> madeBy(Collection<Long> messageIds) {
        List<Remembered> made = new ArrayList<>();
        for (Long id : messageIds) {
            Message message = em.find(Message.class, id);
            Conversation conversation = message == null ? null : message.getConversation();
            if (conversation == null || message.getExternalId() == null) {
                continue;
            }
            Contact contact = conversation.getContact();
            made.add(new Remembered(message.getExternalId(), message.getChannelMessageId(), message.getDirection() == MessageDirection.OUTBOUND,
                    conversation.getThreadKey(), contact == null ? null : contact.getEmails().stream().findFirst().orElse(null),
                    conversation.getTicket() != null));
        }
        return made;
    }

    /** Keeps a chunk's messages and created contacts for the chunks after it (in the transaction that counts the chunk). */
    @Transactional
    public void remember(long runId, List<Remembered> messages, Collection<String> createdContacts) {
        for (Remembered m : messages) {
            em.createNativeQuery("INSERT INTO import_dry_run_messages (run_id, external_id, channel_message_id, outbound, thread_key,"
                            + " contact_email, with_ticket) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .setParameter(1, runId).setParameter(2, m.externalId()).setParameter(3, m.channelMessageId()).setParameter(4, m.outbound())
                    .setParameter(5, m.threadKey()).setParameter(6, m.contactEmail()).setParameter(7, m.withTicket()).executeUpdate();
        }
        for (String email : new LinkedHashSet<>(createdContacts)) {
            em.createNativeQuery("INSERT INTO import_dry_run_contacts (run_id, email) VALUES (?, ?)")
                    .setParameter(1, runId).setParameter(2, email).executeUpdate();
        }
    }

    /**
     * Recreates, in the current (dry-run) transaction, what earlier chunks made that these mails
     * refer to: their senders, the messages they repeat or answer, and those messages' conversations.
     */
    public void recall(long runId, Channel channel, List<InboundMessage> mails) {
        Set<String> externalIds = new LinkedHashSet<>();
        Set<String> messageIds = new LinkedHashSet<>();
        Set<String> threadKeys = new LinkedHashSet<>();
        Set<String> senders = new LinkedHashSet<>();
        for (InboundMessage mail : mails) {
            externalIds.add(mail.externalId());
            if (mail.facts().channelMessageId() != null) {
                messageIds.add(mail.facts().channelMessageId());
            }
            messageIds.addAll(mail.facts().inReplyTo());
            threadKeys.add(threads.newThreadKey(mail));
            if (mail.from() != null && mail.from().email() != null) {
                senders.add(mail.from().email());
            }
        }
        Map<String, Remembered> messages = new LinkedHashMap<>(); // by external id
        recalled(runId, "external_id", externalIds).forEach(m -> messages.putIfAbsent(m.externalId(), m));
        recalled(runId, "channel_message_id", messageIds).forEach(m -> messages.putIfAbsent(m.externalId(), m));
        recalled(runId, "thread_key", threadKeys).forEach(m -> messages.putIfAbsent(m.externalId(), m));
        if (messages.isEmpty() && senders.isEmpty()) {
            return;
        }
        Set<String> emails = new LinkedHashSet<>(rememberedContacts(runId, senders));
        messages.values().stream().map(Remembered::contactEmail).filter(Objects::nonNull).forEach(emails::add);
        Map<String, Contact> contacts = standInContacts(emails);
        // what the database already holds of them, in one query each, not one per message
        Map<String, Conversation> conversations = new HashMap<>();
        Set<String> keys = new LinkedHashSet<>();
        messages.values().forEach(m -> keys.add(m.threadKey()));
        for (List<String> slice : BatchQueries.slices(keys)) {
            em.createQuery("SELECT c FROM Conversation c WHERE c.channel = :channel AND c.threadKey IN :keys", Conversation.class)
                    .setParameter("channel", channel).setParameter("keys", slice).getResultStream()
                    .forEach(c -> conversations.put(c.getThreadKey(), c));
        }
        Set<String> stored = new HashSet<>();
        for (List<String> slice : BatchQueries.slices(messages.keySet())) {
            stored.addAll(em.createQuery("SELECT m.externalId FROM Message m WHERE m.channel = :channel AND m.externalId IN :ids", String.class)
                    .setParameter("channel", channel).setParameter("ids", slice).getResultList());
        }
        for (Remembered m : messages.values()) {
            Conversation conversation = conversations.computeIfAbsent(m.threadKey(), key -> standInConversation(channel, key, m, contacts));
            if (stored.contains(m.externalId())) {
                continue;
            }
            Instant now = Instant.now();
            Message stand = m.outbound() ? Message.historicalReply(conversation, m.externalId(), null, STAND_IN, null, now)
                    : Message.inbound(conversation, m.externalId(), null, STAND_IN, null, now);
            stand.identifyAs(m.channelMessageId());
            em.persist(stand);
        }
        em.flush(); // before the chunk's look-ups, which query for them
    }

    /** Forgets a dry run's memory (it ended, or was abandoned). */
    @Transactional
    public void forget(long runId) {
        em.createNativeQuery("DELETE FROM import_dry_run_messages WHERE run_id = ?").setParameter(1, runId).executeUpdate();
        em.createNativeQuery("DELETE FROM import_dry_run_contacts WHERE run_id = ?").setParameter(1, runId).executeUpdate();
    }

    private List<Remembered> recalled(long runId, String column, Set<String> keys) {
        List<Remembered> found = new ArrayList<>();
        for (List<String> slice : BatchQueries.slices(keys)) {
            found.addAll(query(runId, column, slice));
        }
        return found;
    }

    private List<Remembered> query(long runId, String column, List<String> slice) {
        var query = em.createNativeQuery("SELECT external_id, channel_message_id, outbound, thread_key, contact_email, with_ticket"
                + " FROM import_dry_run_messages WHERE run_id = ? AND " + column + " IN (" + marks(slice.size()) + ")");
        query.setParameter(1, runId);
        for (int i = 0; i < slice.size(); i++) {
            query.setParameter(i + 2, slice.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return toRemembered(rows);
    }

    private static List<Remembered> toRemembered(List<Object[]> rows) {
        return rows.stream().map(r -> new Remembered((String) r[0], (String) r[1], truth(r[2]), (String) r[3], (String) r[4], truth(r[5]))).toList();
    }

    private static boolean truth(Object value) {
        return value instanceof Boolean b ? b : value instanceof Number n && n.intValue() != 0;
    }

    private List<String> rememberedContacts(long runId, Set<String> emails) {
        List<String> found = new ArrayList<>();
        for (List<String> slice : BatchQueries.slices(emails)) {
            var query = em.createNativeQuery("SELECT email FROM import_dry_run_contacts WHERE run_id = ? AND email IN (" + marks(slice.size()) + ")");
            query.setParameter(1, runId);
            for (int i = 0; i < slice.size(); i++) {
                query.setParameter(i + 2, slice.get(i));
            }
            for (Object email : query.getResultList()) {
                found.add((String) email);
            }
        }
        return found;
    }

    /** The contacts with these addresses: those in the database, and stand-ins for those earlier chunks created. */
    private Map<String, Contact> standInContacts(Set<String> emails) {
        Map<String, Contact> byEmail = new HashMap<>();
        for (List<String> slice : BatchQueries.slices(emails)) {
            for (Object[] row : em.createQuery("SELECT e, c FROM Contact c JOIN c.emails e WHERE e IN :emails", Object[].class)
                    .setParameter("emails", slice).getResultList()) {
                byEmail.putIfAbsent((String) row[0], (Contact) row[1]);
            }
        }
        for (String email : emails) {
            byEmail.computeIfAbsent(email, missing -> {
                Contact stand = new Contact(null);
                stand.addEmail(missing);
                em.persist(stand);
                return stand;
            });
        }
        return byEmail;
    }

    private Conversation standInConversation(Channel channel, String threadKey, Remembered m, Map<String, Contact> contacts) {
        Contact contact = m.contactEmail() == null ? null : contacts.get(m.contactEmail());
        Conversation conversation = new Conversation(channel, contact, threadKey);
        if (m.withTicket()) {
            Ticket ticket = tickets.fromChannel(channel, contact, null, STAND_IN, "dry-run:" + threadKey);
            conversation.attachTo(ticket);
        }
        em.persist(conversation);
        return conversation;
    }

    private static String marks(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }
}
