package org.switchboard.tickets.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.switchboard.pipelines.entity.Priority;
import org.switchboard.identity.entity.Role;
import org.switchboard.identity.entity.User;
import org.switchboard.pipelines.entity.Pipeline;
import org.switchboard.pipelines.entity.PipelineStage;
import org.switchboard.testing.Fixtures;

class TicketTest {

    private final Pipeline support = Fixtures.supportPipeline();

    private Ticket newTicket() {
        return new Ticket(1001, "  Printer on fire  ", support, support.openStage(), null, TicketSource.API);
    }

    @Test
    void aNewTicketIsOpenInItsStageWithTrimmedSubjectAndMediumPriority() {
        Ticket ticket = newTicket();
        assertEquals("Printer on fire", ticket.getSubject());
        assertEquals("New", ticket.getStage().getName());
        assertEquals(Priority.MEDIUM, ticket.getPriority());
        assertFalse(ticket.isClosed());
        assertNull(ticket.getClosedAt());
        assertNotNull(ticket.getUpdatedAt());
    }

    @Test
    void aClosingStageClosesAndAnOpenStageReopens() {
        Ticket ticket = newTicket();
        ticket.close();
        assertTrue(ticket.isClosed());
        assertNotNull(ticket.getClosedAt());
        ticket.reopen();
        assertFalse(ticket.isClosed());
        assertNull(ticket.getClosedAt());
        assertEquals("New", ticket.getStage().getName());
    }

    @Test
    void aStageOfAnotherPipelineIsRefused() {
        Pipeline other = new Pipeline("Billing");
        PipelineStage foreign = other.addStage("Open", false);
        Ticket ticket = newTicket();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ticket.moveTo(foreign));
        assertTrue(e.getMessage().contains("not in pipeline"));
        assertThrows(IllegalArgumentException.class, () -> new Ticket(1002, "x", support, foreign, null, TicketSource.API));
    }

    @Test
    void subjectAndNumberAreRequired() {
        assertThrows(IllegalArgumentException.class, () -> new Ticket(1003, "  ", support, support.openStage(), null, TicketSource.API));
        assertThrows(IllegalArgumentException.class, () -> new Ticket(0, "x", support, support.openStage(), null, TicketSource.API));
        assertThrows(IllegalArgumentException.class, () -> new Ticket(1004, "x".repeat(Ticket.SUBJECT_MAX + 1), support, support.openStage(), null, TicketSource.API));
    }

    @Test
    void assignmentNeedsAnAgentAndCanBeUndone() {
        Ticket ticket = newTicket();
        User maria = new User("maria", "Maria Virtanen", "maria@example.com", EnumSet.of(Role.AGENT));
        ticket.assignTo(maria, null);
        assertEquals(maria, ticket.getOwner());
        ticket.unassign();
        assertNull(ticket.getOwner());
        assertThrows(NullPointerException.class, () -> ticket.assignTo(null, null));
    }

    @Test
    void aTicketCannotFollowItself() {
        Ticket ticket = newTicket();
        assertThrows(IllegalArgumentException.class, () -> ticket.follows(ticket));
    }
}
