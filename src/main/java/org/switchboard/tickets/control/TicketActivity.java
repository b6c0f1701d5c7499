package org.switchboard.tickets.control;

import java.util.List;

/**
 * Something agents should see at once happened on tickets: they were created, a message arrived or
 * was sent, or they were assigned or edited. Observed after the transaction commits (live updates);
 * one event per transaction, however many tickets it touched.
 */
public record TicketActivity(List<Long> ticketIds) {

    public TicketActivity(long ticketId) {
        this(List.of(ticketId));
    }
}
