package org.switchboard.routing.control;

import java.time.Instant;
import java.util.Set;

/** What routing needs to know about one agent at decision time. */
public record AgentSnapshot(long id, String username, boolean active, boolean paidSeat, boolean available,
                            Set<Long> skillIds, Set<Long> teamIds, Integer capacity, long openTickets,
                            Instant lastAssignedAt) {

    public boolean atCapacity() {
        return capacity != null && openTickets >= capacity;
    }
}
