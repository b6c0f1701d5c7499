package org.switchboard.tickets.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

class TicketTemplatesTest {

    @Test
    void placeholdersAreFilledAndUnknownOnesStayVisible() {
        Map<String, String> values = Map.of("subject", "Printer on fire", "contact.name", "Liisa");
        assertEquals("[Chat] Printer on fire — Liisa", TicketTemplates.render("[Chat] {{subject}} — {{ contact.name }}", values));
        assertEquals("{{contact.phone}} called", TicketTemplates.render("{{contact.phone}} called", values));
        assertEquals("Costs $5 for Liisa", TicketTemplates.render("Costs $5 for {{contact.name}}", values), "no regex replacement surprises");
    }

    @Test
    void aMissingSubjectComesFromTheFirstLineOfText() {
        assertEquals("Re: order", TicketTemplates.subjectFromText(" Re:\r\norder ", null));
        assertEquals("My order 42 has not arrived", TicketTemplates.subjectFromText(null, "My order 42 has not arrived\nThanks"));
        assertEquals("(no subject)", TicketTemplates.subjectFromText("  ", " "));
        assertEquals(80, TicketTemplates.subjectFromText(null, "x".repeat(200)).length());
    }
}
