package org.switchboard.channels.whatsapp.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.switchboard.channels.meta.MetaPayload;
import org.switchboard.inbound.control.InvalidPayloadException;

/** A journaled status is read back from Meta's raw body by the message id and status it was journaled under. */
class WhatsAppStatusesTest {

    private final WhatsAppStatuses statuses = new WhatsAppStatuses();

    private static byte[] journaled(String about, String statusesJson) {
        String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"value\":{"
                + "\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550783881\",\"phone_number_id\":\"106540352242922\"},"
                + "\"statuses\":" + statusesJson + "},\"field\":\"messages\"}]}]}";
        return new MetaPayload(MetaPayload.UPDATE, about, body.getBytes(StandardCharsets.UTF_8)).toBytes();
    }

    @Test
    void aStatusThisVersionDoesNotKnowIsKeptWithANoteAndChangesNothing() {
        String note = statuses.apply(null, journaled("wamid.A deleted",
                "[{\"id\":\"wamid.A\",\"status\":\"deleted\",\"timestamp\":\"1749416383\",\"recipient_id\":\"16505551234\"}]"));
        assertTrue(note.contains("'deleted' is not handled"), note);
    }

    @Test
    void aStatusMissingFromItsBodyIsRefusedForGoodNotRetried() {
        InvalidPayloadException refused = assertThrows(InvalidPayloadException.class, () -> statuses.apply(null, journaled("wamid.B read",
                "[{\"id\":\"wamid.B\",\"status\":\"delivered\",\"timestamp\":\"1749416383\",\"recipient_id\":\"16505551234\"}]")));
        assertTrue(refused.getMessage().contains("wamid.B read"), refused.getMessage());
        assertThrows(InvalidPayloadException.class, () -> statuses.apply(null, "no first line".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void metasErrorIsWhatTheAgentReads() {
        assertEquals("131047 Re-engagement message: Message failed to send because more than 24 hours have passed",
                WhatsAppStatuses.error(jakarta.json.Json.createReader(new java.io.StringReader("{\"errors\":[{\"code\":131047,\"title\":\"Re-engagement message\","
                        + "\"error_data\":{\"details\":\"Message failed to send because more than 24 hours have passed\"}}]}")).readObject()));
    }
}
