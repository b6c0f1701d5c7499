package org.switchboard.routing.control;

import java.time.Instant;
import java.util.Set;

/** What routing needs to know about one agent at decision time; {@code onCall}: on a phone call now (busy while it lasts). */
public record AgentSnapshot(long id, String username, boolean active, boolean paidSeat, boolean available,
                            Set<Long> skillIds, Set<Long> teamIds, Integer capacity, long openTickets,
                            Instant lastAssignedAt, boolean onCall) {

    public AgentSnapshot(long id, String username, boolean active, boolean paidSeat, boolean available,
                         Set<Long> skillIds, Set<Long> teamIds, Integer capacity, long openTickets, Instant lastAssignedAt) {
        this(id, username, active, paidSeat, available, skillIds, teamIds, capacity, openTickets, lastAssignedAt, false);
    }

    public boolean atCapacity() {
        return capacity != null && openTickets >= capacity;
    }
}
