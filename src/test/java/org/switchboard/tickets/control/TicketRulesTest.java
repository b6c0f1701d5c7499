package org.switchboard.tickets.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.switchboard.pipelines.entity.Pipeline;
import org.switchboard.testing.Fixtures;
import org.switchboard.tickets.entity.Ticket;
import org.switchboard.tickets.entity.TicketSource;

class TicketRulesTest {

    private final Pipeline support = Fixtures.supportPipeline();
    private final TicketRules rules = new TicketRules();

    {
        rules.reopenWindowDays = 30;
        rules.senderTicketsPerHour = 60;
    }

    @Test
    void aMessageTouchesAnOpenTicketReopensARecentlyClosedOneAndFollowsUpAnOldOne() {
        Ticket ticket = new Ticket(1001, "Printer on fire", support, support.openStage(), null, TicketSource.API);
        assertEquals(TicketRules.OnMessage.TOUCH, rules.onMessage(ticket, Instant.now()));
        ticket.moveTo(support.closedStage());
        assertEquals(TicketRules.OnMessage.REOPEN, rules.onMessage(ticket, Instant.now().plus(Duration.ofDays(29))));
        assertEquals(TicketRules.OnMessage.FOLLOW_UP, rules.onMessage(ticket, Instant.now().plus(Duration.ofDays(31))));
    }

    @Test
    void theSixtyFirstTicketOfAnHourIsHeldAsAFloodWithTheReason() {
        assertTrue(rules.floodHold("Aino", 59).isEmpty());
        String reason = rules.floodHold("Aino", 60).orElseThrow();
        assertTrue(reason.startsWith("Held as a flood: Aino opened 60 tickets in the last hour (limit 60)"), reason);
    }
}
