package org.switchboard.calls.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The announcements of ringing calls as every instance reads them back. */
class IncomingCallsTest {

    @Test
    void namesWithAnySignAndTheRoutingCaseComeBackAsSent() {
        String topic = IncomingCalls.TOPICS + String.join(";",
                IncomingCalls.item(new CallRings(7, 42, List.of("Anna Agent", "201", "sip:ben@pbx.example;x=1", "Åsa:Öberg"), "DE")),
                IncomingCalls.item(new CallRings(7, 43, null, null)),
                IncomingCalls.item(CallRings.over(7, 40)));
        List<IncomingCalls.Announcement> read = IncomingCalls.read(topic);
        assertEquals(3, read.size());
        assertEquals(new IncomingCalls.Announcement(42, true, 7, "DE", List.of("Anna Agent", "201", "sip:ben@pbx.example;x=1", "Åsa:Öberg")), read.get(0));
        assertTrue(read.get(1).ringing());
        assertNull(read.get(1).names(), "the phone system named nobody: routing decides");
        assertNull(read.get(1).country());
        assertFalse(read.get(2).ringing());
        assertEquals(40, read.get(2).messageId());
    }

    @Test
    void otherShapesAreSkipped() {
        assertEquals(List.of(), IncomingCalls.read("tickets:1,2"));
        assertEquals(1, IncomingCalls.read(IncomingCalls.TOPICS + "over:x;ringing:1;over:5").size());
    }
}
