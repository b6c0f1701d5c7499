package org.switchboard.channels.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.switchboard.inboxes.entity.Inbox;
import org.switchboard.pipelines.entity.Pipeline;
import org.switchboard.pipelines.entity.Priority;
import org.switchboard.testing.Fixtures;

class ChannelTest {

    private final Pipeline support = Fixtures.supportPipeline();

    @Test
    void aNewChannelFeedsTheHelpDeskWithAnUnguessableKeyAndDefaultRouting() {
        Channel a = new Channel("TEAM_EMAIL", "Support mail", TicketDefaults.of(support));
        Channel b = new Channel("TEAM_EMAIL", "Sales mail", TicketDefaults.of(support));
        assertTrue(a.createsTickets());
        assertTrue(a.isEnabled());
        assertEquals(24, a.getPublicKey().length());
        assertNotEquals(a.getPublicKey(), b.getPublicKey());
        assertEquals(RoutingMode.NO_ONE, a.getRoutingMode());
        assertTrue(a.routesToAvailableOnly(), "available users only is on by default");
        assertEquals("{{subject}}", a.getTicketDefaults().nameTemplate());
        assertEquals(Priority.MEDIUM, a.getTicketDefaults().priority());
    }

    @Test
    void aSharedInboxChannelCreatesNoTicketsUntilMovedToTheHelpDesk() {
        Channel chat = new Channel("CHAT", "Website chat", TicketDefaults.of(support));
        chat.connectToInbox(new Inbox("Sales inbox"));
        assertFalse(chat.createsTickets());
        chat.connectToHelpDesk();
        assertTrue(chat.createsTickets());
        assertNull(chat.getInbox());
    }

    @Test
    void routingToUsersAndTeamsNeedsSomeoneToRouteTo() {
        Channel chat = new Channel("CHAT", "Website chat", TicketDefaults.of(support));
        assertThrows(IllegalArgumentException.class, () -> chat.routeTo(Set.of(), Set.of()));
    }

    @Test
    void ticketDefaultsMustNameAStageOfTheirPipeline() {
        Pipeline other = new Pipeline("Other");
        var foreign = other.addStage("Open", false);
        assertThrows(IllegalArgumentException.class,
                () -> new TicketDefaults(support, foreign, Priority.HIGH, null, null, null));
    }
}
