package org.switchboard.tickets.control;

/**
 * Something agents should see at once happened on a ticket: it was created, a message arrived or
 * was sent, or it was assigned or edited. Observed after the transaction commits (live updates).
 */
public record TicketActivity(long ticketId) {
}
