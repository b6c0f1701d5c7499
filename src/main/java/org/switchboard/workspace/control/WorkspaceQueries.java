package org.switchboard.workspace.control;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.switchboard.contacts.control.ContactPictures;
import org.switchboard.conversations.entity.Attachment;
import org.switchboard.identity.entity.Role;
import org.switchboard.pipelines.entity.Priority;

/** Read-only look-ups for the workspace screens, each one query. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class WorkspaceQueries {

    private static final int OTHER_TICKETS = 10;

    @PersistenceContext
    EntityManager em;

    @Inject
    ContactPictures pictures;

    public record Option(long id, String label) {
    }

    public record StageOption(long id, String label, long pipelineId, boolean closed) {
    }

    public record ChannelOption(long id, String name, String type, boolean enabled) {
    }

    /** @param picture whether the contact has a picture ({@code /files/contacts/{id}/picture}) */
    public record ContactCard(long id, String name, List<String> emails, List<String> phones, String owner, boolean picture) {
    }

    public record OtherTicket(long id, long number, String subject, String stage, boolean closed, Priority priority) {
    }

    public record File(String filename, String contentType, byte[] content) {
    }

    /** What an agent sees of a call that rings them: the caller, the ticket the call is on, the caller's other open tickets. */
    public record IncomingCall(long messageId, boolean ringing, String number, String channel, long ticketId, long ticketNumber, String subject,
                               ContactCard contact, List<OtherTicket> openTickets) {
    }

    private static final int OPEN_TICKETS_ON_A_CALL = 3;

    /**
     * Read in a transaction of its own even where the caller has none: the live events' threads read the
     * card without one, and Payara's non-transactional entity manager was at times found closed between
     * the queries (the notice then never showed: 1 run in 2 when a call rang while a page connected).
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public Optional<IncomingCall> incomingCall(long messageId) {
        List<Object[]> rows = em.createQuery("SELECT c.state, c.customerNumber, ch.name, t.id, t.number, t.subject, ct.id FROM Call c"
                + " JOIN c.message m JOIN m.ticket t JOIN c.channel ch LEFT JOIN t.contact ct WHERE m.id = :id", Object[].class).setParameter("id", messageId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        long ticketId = (Long) row[3];
        Long contactId = (Long) row[6];
        ContactCard contact = contactId == null ? null : contact(contactId).orElse(null);
        List<OtherTicket> open = contactId == null ? List.of()
                : otherTickets(contactId, ticketId).stream().filter(t -> !t.closed()).limit(OPEN_TICKETS_ON_A_CALL).toList();
        return Optional.of(new IncomingCall(messageId, row[0] == org.switchboard.conversations.entity.CallState.RINGING, (String) row[1],
                (String) row[2], ticketId, (Long) row[4], (String) row[5], contact, open));
    }

    /** The user names of these users, for addressing them on their own pages (a transaction of its own: see {@link #incomingCall}). */
    @Transactional(Transactional.TxType.REQUIRED)
    public List<String> usernames(java.util.Collection<Long> userIds) {
        return userIds.isEmpty() ? List.of() : em.createQuery("SELECT u.username FROM User u WHERE u.id IN :ids AND u.active = TRUE", String.class)
                .setParameter("ids", userIds).getResultList();
    }

    public List<StageOption> stages() {
        return em.createQuery("SELECT s.id, p.name, s.name, p.id, s.closed FROM PipelineStage s JOIN s.pipeline p ORDER BY p.name, s.position",
                Object[].class).getResultStream()
                .map(r -> new StageOption((Long) r[0], r[1] + " · " + r[2], (Long) r[3], (Boolean) r[4])).toList();
    }

    public List<Option> pipelines() {
        return em.createQuery("SELECT p.id, p.name FROM Pipeline p ORDER BY p.name", Object[].class).getResultStream()
                .map(r -> new Option((Long) r[0], (String) r[1])).toList();
    }

    /** Agents a ticket can be given to by hand: active users with the agent role. */
    public List<Option> agents() {
        return em.createQuery("SELECT u.id, u.fullName, u.username FROM User u JOIN u.roles r WHERE r = :agent AND u.active = :active ORDER BY u.fullName",
                        Object[].class).setParameter("agent", Role.AGENT).setParameter("active", true).getResultStream()
                .map(r -> new Option((Long) r[0], r[1] + " (" + r[2] + ")")).toList();
    }

    public List<Option> teams() {
        return em.createQuery("SELECT t.id, t.name FROM Team t ORDER BY t.name", Object[].class).getResultStream()
                .map(r -> new Option((Long) r[0], (String) r[1])).toList();
    }

    public List<ChannelOption> channels() {
        return em.createQuery("SELECT c.id, c.name, c.type, c.enabled FROM Channel c ORDER BY c.name", Object[].class).getResultStream()
                .map(r -> new ChannelOption((Long) r[0], (String) r[1], (String) r[2], (Boolean) r[3])).toList();
    }

    public Optional<Long> userId(String username) {
        return em.createQuery("SELECT u.id FROM User u WHERE u.username = :name", Long.class).setParameter("name", username)
                .getResultStream().findFirst();
    }

    public Optional<ContactCard> contact(long contactId) {
        List<Object[]> rows = em.createQuery("SELECT c.id, c.fullName, o.fullName FROM Contact c LEFT JOIN c.owner o WHERE c.id = :id", Object[].class)
                .setParameter("id", contactId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        List<String> emails = em.createQuery("SELECT e FROM Contact c JOIN c.emails e WHERE c.id = :id", String.class)
                .setParameter("id", contactId).getResultList();
        List<String> phones = em.createQuery("SELECT p FROM Contact c JOIN c.phones p WHERE c.id = :id", String.class)
                .setParameter("id", contactId).getResultList();
        String name = row[1] != null ? (String) row[1] : emails.isEmpty() ? (phones.isEmpty() ? "#" + contactId : phones.get(0)) : emails.get(0);
        return Optional.of(new ContactCard(contactId, name, emails, phones, (String) row[2], pictures.has(contactId)));
    }

    /** The contact's latest other tickets. */
    public List<OtherTicket> otherTickets(long contactId, long exceptTicketId) {
        return em.createQuery("SELECT t.id, t.number, t.subject, s.name, s.closed, t.priority FROM Ticket t JOIN t.stage s"
                        + " WHERE t.contact.id = :contact AND t.id <> :except ORDER BY t.updatedAt DESC, t.id DESC", Object[].class)
                .setParameter("contact", contactId).setParameter("except", exceptTicketId).setMaxResults(OTHER_TICKETS).getResultStream()
                .map(r -> new OtherTicket((Long) r[0], (Long) r[1], (String) r[2], (String) r[3], (Boolean) r[4], (Priority) r[5])).toList();
    }

    /** Channel name and type of each of the ticket's conversations. */
    public Map<Long, ChannelOption> channelsOfConversations(long ticketId) {
        Map<Long, ChannelOption> byConversation = new HashMap<>();
        em.createQuery("SELECT cv.id, c.id, c.name, c.type, c.enabled FROM Conversation cv JOIN cv.channel c WHERE cv.ticket.id = :ticket", Object[].class)
                .setParameter("ticket", ticketId).getResultStream()
                .forEach(r -> byConversation.put((Long) r[0], new ChannelOption((Long) r[1], (String) r[2], (String) r[3], (Boolean) r[4])));
        return byConversation;
    }

    /** A first email address of each of these contacts, for rows whose contact has no name: one query. */
    public Map<Long, String> emailsOf(java.util.Collection<Long> contactIds) {
        Map<Long, String> emails = new HashMap<>();
        if (!contactIds.isEmpty()) {
            em.createQuery("SELECT c.id, e FROM Contact c JOIN c.emails e WHERE c.id IN :ids", Object[].class).setParameter("ids", contactIds)
                    .getResultStream().forEach(r -> emails.putIfAbsent((Long) r[0], (String) r[1]));
        }
        return emails;
    }

    public Optional<File> attachment(long id) {
        return Optional.ofNullable(em.find(Attachment.class, id)).map(a -> new File(a.getFilename(), a.getContentType(), a.getContent()));
    }
}
