package org.switchboard.channels.messenger.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import jakarta.json.Json;

import org.junit.jupiter.api.Test;
import org.switchboard.channels.meta.MetaPayload;
import org.switchboard.inbound.control.InboundMessage;
import org.switchboard.inbound.control.InvalidPayloadException;

/** Meta's documented Messenger webhook examples (message, attachments, quick reply, postback, echo, others) through the parser. */
class MessengerMessageParserTest {

    private static final String PAGE = "104173925830284";
    private static final String PSID = "6843918425634019";

    private final MessengerMessageParser parser = new MessengerMessageParser();

    private static String body(String sender, String recipient, String event) {
        return "{\"object\":\"page\",\"entry\":[{\"id\":\"" + PAGE + "\",\"time\":1458692752478,\"messaging\":[{\"sender\":{\"id\":\"" + sender
                + "\"},\"recipient\":{\"id\":\"" + recipient + "\"},\"timestamp\":1458692752478," + event + "}]}]}";
    }

    private InboundMessage parse(String name, String body) {
        return parser.parse(new MetaPayload(MetaPayload.MESSAGE, name, body.getBytes(StandardCharsets.UTF_8)).toBytes());
    }

    @Test
    void aTextMessageIsThePersonsMessageInTheirConversationWithThePage() {
        InboundMessage message = parse("m_1457764197618:41d102a3e1ae206a38", body(PSID, PAGE,
                "\"message\":{\"mid\":\"m_1457764197618:41d102a3e1ae206a38\",\"text\":\"hello, world! Hyvää päivää \uD83D\uDE00\"}"));
        assertEquals("m_1457764197618:41d102a3e1ae206a38", message.externalId());
        assertEquals(PSID, message.from().externalUserId());
        assertNull(message.from().email());
        assertEquals("fb:" + PSID, message.threadKey());
        assertEquals("hello, world! Hyvää päivää \uD83D\uDE00", message.text());
        assertEquals(Instant.ofEpochMilli(1458692752478L), message.occurredAt());
        assertFalse(message.facts().sentByTeam());
    }

    @Test
    void attachmentsQuickRepliesAndPostbacksReadAsAgentsNeedThem() {
        InboundMessage image = parse("m_img", body(PSID, PAGE, "\"message\":{\"mid\":\"m_img\",\"attachments\":[{\"type\":\"image\","
                + "\"payload\":{\"url\":\"https://scontent.xx.fbcdn.net/v/t1.15752-9/photo.jpg\"}}]}"));
        assertEquals("[image: photo.jpg]", image.text());
        assertEquals(1, image.attachments().size());
        assertEquals("https://scontent.xx.fbcdn.net/v/t1.15752-9/photo.jpg", image.attachments().get(0).remote(), "fetched later from Facebook's link");
        assertEquals("photo.jpg", image.attachments().get(0).filename());
        assertTrue(image.notes().isEmpty(), image.notes().toString());
        InboundMessage file = parse("m_file", body(PSID, PAGE, "\"message\":{\"mid\":\"m_file\",\"text\":\"Here it is\",\"attachments\":[{\"type\":\"file\","
                + "\"payload\":{\"url\":\"https://cdn.fbsbx.com/v/t59.2708-21/4711_n.pdf/Lasku%20123.pdf?_nc_cat=1&oh=abc\"}}]}"));
        assertEquals("Here it is\n[file: Lasku 123.pdf]", file.text());
        assertEquals("Lasku 123.pdf", file.attachments().get(0).filename(), "the sender's file name, decoded, without the link's query");
        assertEquals("messenger-audio", MessengerMessageParser.filename("audio", "https://cdn.fbsbx.com/v/t59.3654-21/"));
        assertEquals("Location: 60.1699, 24.9384 — Helsinki", parse("m_loc", body(PSID, PAGE, "\"message\":{\"mid\":\"m_loc\",\"attachments\":[{"
                + "\"type\":\"location\",\"title\":\"Helsinki\",\"payload\":{\"coordinates\":{\"lat\":60.1699,\"long\":24.9384}}}]}")).text());
        InboundMessage quick = parse("m_quick", body(PSID, PAGE, "\"message\":{\"mid\":\"m_quick\",\"text\":\"Red\","
                + "\"quick_reply\":{\"payload\":\"DEVELOPER_DEFINED_PAYLOAD_FOR_PICKING_RED\"},\"reply_to\":{\"mid\":\"m_ours\"}}"));
        assertEquals("Red", quick.text());
        assertEquals(List.of("m_ours"), quick.facts().inReplyTo());
        InboundMessage postback = parse("m_post", body(PSID, PAGE, "\"postback\":{\"title\":\"Get Started\",\"payload\":\"GET_STARTED\",\"mid\":\"m_post\"}"));
        assertEquals("Get Started", postback.text());
        assertEquals("fb:" + PSID, postback.threadKey());
        String older = body(PSID, PAGE, "\"postback\":{\"title\":\"Talk to us\",\"payload\":\"TALK\"}");
        String key = MessengerMessageParser.keyOf(MessengerMessageParser.events(Json.createReader(new StringReader(older)).readObject()).get(0));
        assertEquals("postback:" + PSID + ":1458692752478", key, "a postback without a mid is named by the person and the time");
        assertEquals("Talk to us", parse(key, older).text());
    }

    @Test
    void anEchoIsTheTeamsMessageAndOurOwnSendIsRecognisedByItsMetadata() {
        InboundMessage fromPageInbox = parse("m_echo1", body(PAGE, PSID, "\"message\":{\"is_echo\":true,\"app_id\":263902037430900,"
                + "\"mid\":\"m_echo1\",\"text\":\"Answered from the Page inbox\"}"));
        assertTrue(fromPageInbox.facts().sentByTeam());
        assertEquals("fb:" + PSID, fromPageInbox.threadKey(), "the conversation is the person's, not the page's");
        assertNull(fromPageInbox.facts().channelMessageId());
        InboundMessage ours = parse("m_echo2", body(PAGE, PSID, "\"message\":{\"is_echo\":true,\"app_id\":1234567890123,"
                + "\"metadata\":\"switchboard:4711\",\"mid\":\"m_echo2\",\"text\":\"Our reply\"}"));
        assertTrue(ours.facts().sentByTeam());
        assertEquals("switchboard:4711", ours.facts().channelMessageId(), "the intake knows it as our message 4711");
    }

    @Test
    void otherEventsAndUnreadableBodiesAreKeptWithTheReason() {
        InvalidPayloadException reaction = assertThrows(InvalidPayloadException.class, () -> parser.parse(new MetaPayload(MetaPayload.EVENT,
                "reaction", body(PSID, PAGE, "\"reaction\":{\"mid\":\"m_x\",\"action\":\"react\",\"emoji\":\"\u2764\"}").getBytes(StandardCharsets.UTF_8)).toBytes()));
        assertTrue(reaction.getMessage().contains("'reaction' is not handled"), reaction.getMessage());
        assertThrows(InvalidPayloadException.class, () -> parse("m_missing", body(PSID, PAGE, "\"message\":{\"mid\":\"m_other\",\"text\":\"x\"}")));
        assertThrows(InvalidPayloadException.class, () -> parse("m_bad", body("not-an-id", PAGE, "\"message\":{\"mid\":\"m_bad\",\"text\":\"x\"}")));
        assertThrows(InvalidPayloadException.class, () -> parser.parse("not journaled by us".getBytes(StandardCharsets.UTF_8)));
    }
}
