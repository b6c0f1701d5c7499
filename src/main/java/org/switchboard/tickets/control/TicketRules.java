package org.switchboard.tickets.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.switchboard.tickets.entity.Ticket;

/**
 * What a contact's new message does to tickets, whichever channel it came by: an open ticket is
 * touched; a closed one is reopened, or — once it has been closed longer than the reopen window —
 * followed up by a new ticket linked to it. And a sender who opens more than the hourly limit of
 * tickets is held as a flood.
 */
@ApplicationScoped
public class TicketRules {

    /** What a message in a ticket's conversation does to the ticket. */
    public enum OnMessage {
        TOUCH, REOPEN, FOLLOW_UP
    }

    @Inject
    @ConfigProperty(name = "switchboard.tickets.reopen-window-days", defaultValue = "30")
    int reopenWindowDays;

    @Inject
    @ConfigProperty(name = "switchboard.inbound.sender-tickets-per-hour", defaultValue = "60")
    int senderTicketsPerHour;

    public OnMessage onMessage(Ticket ticket, Instant now) {
        if (!ticket.isClosed()) {
            return OnMessage.TOUCH;
        }
        boolean longAgo = ticket.getClosedAt() != null && ticket.getClosedAt().isBefore(now.minus(reopenWindow()));
        return longAgo ? OnMessage.FOLLOW_UP : OnMessage.REOPEN;
    }

    public Duration reopenWindow() {
        return Duration.ofDays(reopenWindowDays);
    }

    /**
     * Why a sender who already opened {@code openedInTheLastHour} tickets may not open another now;
     * empty when they may.
     */
    public Optional<String> floodHold(String sender, long openedInTheLastHour) {
        if (openedInTheLastHour < senderTicketsPerHour) {
            return Optional.empty();
        }
        return Optional.of("Held as a flood: " + sender + " opened " + openedInTheLastHour + " tickets in the last hour (limit "
                + senderTicketsPerHour + "); reprocess it to let it through later");
    }
}
