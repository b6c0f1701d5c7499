package org.switchboard.inbound.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class GenericMessageParserTest {

    private final GenericMessageParser parser = new GenericMessageParser();

    private InboundMessage parse(String json) {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private String faultyField(String json) {
        return assertThrows(InvalidPayloadException.class, () -> parse(json)).field();
    }

    @Test
    void aFullMessageIsReadAndNormalized() {
        InboundMessage m = parse("{\"externalId\":\" tg-1 \",\"from\":{\"email\":\"Liisa@Example.FI\",\"phone\":\"+358 40 123\",\"name\":\"Liisa\",\"externalUserId\":\"u7\"},"
                + "\"subject\":\"Hei\",\"text\":\"Moi\",\"html\":\"<b>Moi</b>\",\"occurredAt\":\"2026-11-25T10:15:30Z\",\"threadKey\":\"chat-9\",\"language\":\"fi\"}");
        assertEquals("tg-1", m.externalId());
        assertEquals("liisa@example.fi", m.from().email());
        assertEquals("+35840123", m.from().phone());
        assertEquals(Instant.parse("2026-11-25T10:15:30Z"), m.occurredAt());
        assertEquals("chat-9", m.threadKey());
        assertEquals("fi", m.language());
    }

    @Test
    void everyProblemNamesItsField() {
        assertEquals(null, faultyField("not json"));
        assertEquals(null, faultyField("[1,2]"));
        assertEquals("externalId", faultyField("{\"from\":{\"email\":\"a@b.c\"},\"text\":\"x\"}"));
        assertEquals("from", faultyField("{\"externalId\":\"1\",\"text\":\"x\"}"));
        assertEquals("from", faultyField("{\"externalId\":\"1\",\"from\":{\"name\":\"Only a name\"},\"text\":\"x\"}"));
        assertEquals("from.email", faultyField("{\"externalId\":\"1\",\"from\":{\"email\":\"nope\"},\"text\":\"x\"}"));
        assertEquals("text", faultyField("{\"externalId\":\"1\",\"from\":{\"email\":\"a@b.c\"}}"));
        assertEquals("occurredAt", faultyField("{\"externalId\":\"1\",\"from\":{\"email\":\"a@b.c\"},\"text\":\"x\",\"occurredAt\":\"yesterday\"}"));
        assertEquals("occurredAt", faultyField("{\"externalId\":\"1\",\"from\":{\"email\":\"a@b.c\"},\"text\":\"x\",\"occurredAt\":\"-0001-01-01T00:00:00Z\"}"));
        assertEquals("occurredAt", faultyField("{\"externalId\":\"1\",\"from\":{\"email\":\"a@b.c\"},\"text\":\"x\",\"occurredAt\":\"+9999999-01-01T00:00:00Z\"}"));
        assertEquals("occurredAt", faultyField("{\"externalId\":\"1\",\"from\":{\"email\":\"a@b.c\"},\"text\":\"x\",\"occurredAt\":\"" + Instant.now().plusSeconds(3 * 86400) + "\"}"));
        assertEquals("subject", faultyField("{\"externalId\":\"1\",\"from\":{\"email\":\"a@b.c\"},\"text\":\"x\",\"subject\":\"a\\r\\nBcc: evil@example.com\"}"));
        assertEquals("externalId", faultyField("{\"externalId\":42,\"from\":{\"email\":\"a@b.c\"},\"text\":\"x\"}"));
    }

    @Test
    void attachmentsComeAsBase64AndEveryProblemNamesTheFile() {
        String base = "{\"externalId\":\"1\",\"from\":{\"externalUserId\":\"u1\"},\"text\":\"x\",\"attachments\":";
        InboundMessage m = parse(base + "[{\"name\":\"screen.png\",\"contentType\":\"image/png\",\"contentBase64\":\"UE5HLWJ5dGVz\"},"
                + "{\"name\":\"notes.txt\",\"contentBase64\":\"aGVp\"}]}");
        assertEquals(2, m.attachments().size());
        assertEquals("PNG-bytes", new String(m.attachments().get(0).content(), StandardCharsets.UTF_8));
        assertEquals("image/png", m.attachments().get(0).contentType());
        assertEquals("application/octet-stream", m.attachments().get(1).contentType());
        assertEquals("attachments", faultyField(base + "{\"name\":\"x\"}}"));
        assertEquals("attachments[0].name", faultyField(base + "[{\"contentBase64\":\"aGVp\"}]}"));
        assertEquals("attachments[0].contentBase64", faultyField(base + "[{\"name\":\"a\",\"contentBase64\":\"***\"}]}"));
        assertEquals("attachments[1].contentType", faultyField(base + "[{\"name\":\"a\",\"contentBase64\":\"aGVp\"},"
                + "{\"name\":\"b\",\"contentType\":\"not a type\",\"contentBase64\":\"aGVp\"}]}"));
    }
}
