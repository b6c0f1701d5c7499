package org.switchboard.imports.control;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.switchboard.conversations.entity.MessageDirection;
import org.switchboard.tickets.entity.Ticket;
import org.switchboard.tickets.entity.Phrase;
import org.switchboard.tickets.entity.TicketEvent;
import org.switchboard.tickets.entity.TicketEventType;
import org.switchboard.tickets.entity.TicketSource;

/**
 * The end of an import: each open imported ticket the import gave a message takes its last
 * message's date as its last activity, and is closed when that is older than the rule's days, or
 * (if chosen) when the last message is the team's answer. Tickets of earlier imports of the channel
 * that this one did not touch were settled by their own import's end and are not read again: the
 * benchmark showed that re-reading them took a third of a 10,000-mail import's time after a few
 * imports into the same channel, and would grow with every further folder.
 */
@ApplicationScoped
public class ImportClosing {

    @PersistenceContext
    EntityManager em;

    /**
     * One batch of the tickets that got a message stored since {@code since}; returns the highest
     * ticket id looked at, or -1 when none are left.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long apply(long channelId, Instant since, long afterTicketId, Integer closeAfterDays, boolean closeAnswered, int batch) {
        // the contact comes in the same query: it is a ticket's one eager relation that differs from ticket to ticket (one query each before)
        List<Ticket> tickets = em.createQuery("SELECT t FROM Ticket t LEFT JOIN FETCH t.contact WHERE t.channel.id = :channel AND t.source = :imported"
                        + " AND t.closedAt IS NULL AND t.id > :after"
                        + " AND EXISTS (SELECT m.id FROM Message m WHERE m.ticket = t AND m.createdAt >= :since) ORDER BY t.id", Ticket.class)
                .setParameter("channel", channelId).setParameter("imported", TicketSource.IMPORT).setParameter("after", afterTicketId)
                .setParameter("since", since).setMaxResults(batch).getResultList();
        Instant limit = closeAfterDays == null ? null : Instant.now().minus(Duration.ofDays(closeAfterDays));
        // the last message of every ticket in the batch, in one query: later rows of a ticket overwrite earlier ones
        Map<Long, Object[]> lastMessage = new HashMap<>();
        if (!tickets.isEmpty()) {
            em.createQuery("SELECT m.ticket.id, m.sentAt, m.direction FROM Message m WHERE m.ticket IN :tickets AND m.sentAt IS NOT NULL"
                            + " ORDER BY m.sentAt, m.id", Object[].class)
                    .setParameter("tickets", tickets).getResultStream().forEach(row -> lastMessage.put((Long) row[0], row));
        }
        for (Ticket ticket : tickets) {
            Object[] last = lastMessage.get(ticket.getId());
            if (last == null) {
                continue;
            }
            Instant lastAt = (Instant) last[1];
            boolean answered = last[2] == MessageDirection.OUTBOUND;
            boolean old = limit != null && lastAt.isBefore(limit);
            boolean close = old || (closeAnswered && answered);
            ticket.importFinished(lastAt, close);
            if (close) {
                em.persist(new TicketEvent(ticket, TicketEventType.CLOSED, null, old
                        ? Phrase.of("timeline.closedOld", "days", closeAfterDays)
                        : Phrase.of("timeline.closedAnswered")));
            }
        }
        return tickets.isEmpty() ? -1 : tickets.get(tickets.size() - 1).getId();
    }
}
