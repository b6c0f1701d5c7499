package org.switchboard.channels.whatsapp.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.switchboard.channels.meta.MetaPayload;
import org.switchboard.inbound.control.InboundMessage;
import org.switchboard.inbound.control.InvalidPayloadException;

/** Meta's documented Cloud API webhook examples (messages of each type) through the parser. */
class WhatsAppMessageParserTest {

    private final WhatsAppMessageParser parser = new WhatsAppMessageParser();

    private static byte[] journaled(String wamid, String message) {
        String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"WHATSAPP_BUSINESS_ACCOUNT_ID\",\"changes\":[{\"value\":{"
                + "\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550783881\",\"phone_number_id\":\"106540352242922\"},"
                + "\"contacts\":[{\"profile\":{\"name\":\"Sheena Nelson\"},\"wa_id\":\"16505551234\"}],"
                + "\"messages\":[{\"from\":\"16505551234\",\"id\":\"" + wamid + "\",\"timestamp\":\"1749416383\"," + message + "}]},\"field\":\"messages\"}]}]}";
        return new MetaPayload(MetaPayload.MESSAGE, wamid, body.getBytes(StandardCharsets.UTF_8)).toBytes();
    }

    @Test
    void aTextMessageIsTheCustomersMessageInTheirConversation() {
        InboundMessage message = parser.parse(journaled("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=",
                "\"type\":\"text\",\"text\":{\"body\":\"Does it come in another color?\"}"));
        assertEquals("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=", message.externalId());
        assertEquals("+16505551234", message.from().phone());
        assertEquals("Sheena Nelson", message.from().name());
        assertEquals("wa:16505551234", message.threadKey());
        assertEquals("Does it come in another color?", message.text());
        assertEquals(Instant.ofEpochSecond(1749416383), message.occurredAt());
    }

    @Test
    void mediaLocationContactsRepliesAndReactionsReadAsAgentsNeedThem() {
        InboundMessage image = parser.parse(journaled("wamid.1", "\"type\":\"image\",\"image\":{\"caption\":\"The broken part\",\"mime_type\":\"image/jpeg\","
                + "\"sha256\":\"abc\",\"id\":\"1003383421387256\"}"));
        assertEquals("[image] The broken part", image.text());
        assertEquals(1, image.attachments().size(), "the image is fetched later by its media id");
        assertEquals("1003383421387256", image.attachments().get(0).remote());
        assertEquals("whatsapp-image-1003383421387256.jpg", image.attachments().get(0).filename());
        assertEquals("image/jpeg", image.attachments().get(0).contentType());
        InboundMessage document = parser.parse(journaled("wamid.2", "\"type\":\"document\",\"document\":{\"filename\":\"invoice.pdf\","
                + "\"mime_type\":\"application/pdf\",\"id\":\"1\"}"));
        assertEquals("[document: invoice.pdf]", document.text());
        assertEquals("invoice.pdf", document.attachments().get(0).filename(), "a document keeps its name");
        assertEquals("Location: 37.44216251868683, -122.16153582049394 — Philz Coffee, 101 Forest Ave, Palo Alto, CA 94301",
                parser.parse(journaled("wamid.3", "\"type\":\"location\",\"location\":{\"address\":\"101 Forest Ave, Palo Alto, CA 94301\","
                        + "\"latitude\":37.44216251868683,\"longitude\":-122.16153582049394,\"name\":\"Philz Coffee\"}")).text());
        assertEquals("Shared contact: Barbara Johnson +1 (940) 555-1234", parser.parse(journaled("wamid.4", "\"type\":\"contacts\",\"contacts\":["
                + "{\"name\":{\"formatted_name\":\"Barbara Johnson\",\"first_name\":\"Barbara\"},\"phones\":[{\"phone\":\"+1 (940) 555-1234\",\"type\":\"HOME\"}]}]")).text());
        InboundMessage button = parser.parse(journaled("wamid.5", "\"context\":{\"from\":\"15550783881\",\"id\":\"wamid.ours\"},"
                + "\"type\":\"interactive\",\"interactive\":{\"type\":\"button_reply\",\"button_reply\":{\"id\":\"change-button\",\"title\":\"Change\"}}"));
        assertEquals("Change", button.text());
        assertEquals(List.of("wamid.ours"), button.facts().inReplyTo(), "a reply names the message it answers");
        assertEquals("Reacted \uD83D\uDE00 to a message", parser.parse(journaled("wamid.6",
                "\"type\":\"reaction\",\"reaction\":{\"message_id\":\"wamid.ours\",\"emoji\":\"\uD83D\uDE00\"}")).text());
    }

    @Test
    void unsupportedTypesAndOtherEventsAreKeptWithTheReason() {
        InvalidPayloadException unsupported = assertThrows(InvalidPayloadException.class, () -> parser.parse(journaled("wamid.7",
                "\"type\":\"unsupported\",\"errors\":[{\"code\":131051,\"title\":\"Message type unknown\"}]")));
        assertTrue(unsupported.getMessage().contains("'unsupported' is not supported") && unsupported.getMessage().contains("131051"), unsupported.getMessage());
        InvalidPayloadException event = assertThrows(InvalidPayloadException.class, () -> parser.parse(
                new MetaPayload(MetaPayload.EVENT, "message_template_status_update", "{\"object\":\"whatsapp_business_account\"}".getBytes(StandardCharsets.UTF_8)).toBytes()));
        assertTrue(event.getMessage().contains("message_template_status_update"), event.getMessage());
        assertThrows(InvalidPayloadException.class, () -> parser.parse("not journaled by us".getBytes(StandardCharsets.UTF_8)));
    }
}
