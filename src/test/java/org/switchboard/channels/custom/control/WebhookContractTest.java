package org.switchboard.channels.custom.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;
import org.switchboard.outbound.control.SendOutcome;

/** The custom channel's webhook contract: how deliveries are signed, and what each answer of a receiver means. */
class WebhookContractTest {

    private static final String SECRET = "sbwh_test-secret";
    private static final byte[] BODY = "{\"id\":\"dlv_1\",\"text\":\"Hyvää päivää 👋\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void aSignatureVerifiesOnTheRawBytesItSigned() {
        Instant now = Instant.parse("2026-12-02T10:00:00Z");
        String header = WebhookSignature.header(SECRET, now, BODY);
        assertTrue(header.matches("t=1796205600,v1=[0-9a-f]{64}"), header);
        assertTrue(WebhookSignature.verify(header, BODY, SECRET, now.plusSeconds(30), Duration.ofMinutes(5)));
    }

    @Test
    void aChangedBodyAnotherSecretAnOldTimestampOrAMangledHeaderDoNotVerify() {
        Instant now = Instant.parse("2026-12-02T10:00:00Z");
        String header = WebhookSignature.header(SECRET, now, BODY);
        byte[] reencoded = "{\"id\":\"dlv_1\",\"text\":\"Hyv\\u00e4\\u00e4 p\\u00e4iv\\u00e4\\u00e4 👋\"}".getBytes(StandardCharsets.UTF_8);
        assertFalse(WebhookSignature.verify(header, reencoded, SECRET, now, Duration.ofMinutes(5)), "same JSON, other bytes");
        assertFalse(WebhookSignature.verify(header, BODY, "sbwh_other", now, Duration.ofMinutes(5)));
        assertFalse(WebhookSignature.verify(header, BODY, SECRET, now.plus(Duration.ofMinutes(6)), Duration.ofMinutes(5)), "replayed later");
        assertFalse(WebhookSignature.verify(header.replace("t=", "t=1"), BODY, SECRET, now, Duration.ofMinutes(5)));
        assertFalse(WebhookSignature.verify("v1=zz", BODY, SECRET, now, Duration.ofMinutes(5)));
        assertFalse(WebhookSignature.verify(null, BODY, SECRET, now, Duration.ofMinutes(5)));
    }

    @Test
    void twoHundredsAreSent() {
        assertInstanceOf(SendOutcome.Sent.class, WebhookAnswers.classify(200, null, "ok"));
        assertInstanceOf(SendOutcome.Sent.class, WebhookAnswers.classify(202, null, ""));
        assertInstanceOf(SendOutcome.Sent.class, WebhookAnswers.classify(204, null, null));
    }

    @Test
    void timeoutsThrottlingAndServerErrorsAreRetriedAfterTheReceiversRetryAfter() {
        SendOutcome.Transient busy = assertInstanceOf(SendOutcome.Transient.class, WebhookAnswers.classify(503, "120", "maintenance"));
        assertEquals(Duration.ofSeconds(120), busy.retryAfter());
        assertTrue(busy.reason().contains("503") && busy.reason().contains("maintenance"), busy.reason());
        assertInstanceOf(SendOutcome.Transient.class, WebhookAnswers.classify(408, null, null));
        assertInstanceOf(SendOutcome.Transient.class, WebhookAnswers.classify(500, null, null));
        Instant later = Instant.now().plusSeconds(600);
        SendOutcome.Transient throttled = assertInstanceOf(SendOutcome.Transient.class,
                WebhookAnswers.classify(429, DateTimeFormatter.RFC_1123_DATE_TIME.format(later.atOffset(ZoneOffset.UTC)), null));
        assertTrue(throttled.retryAfter().toSeconds() > 590 && throttled.retryAfter().toSeconds() <= 600, throttled.retryAfter().toString());
        assertEquals(null, assertInstanceOf(SendOutcome.Transient.class, WebhookAnswers.classify(502, "soon", null)).retryAfter());
    }

    @Test
    void otherClientErrorsFailAtOnceWithTheReceiversAnswer() {
        SendOutcome.Permanent refused = assertInstanceOf(SendOutcome.Permanent.class,
                WebhookAnswers.classify(400, null, "{\"error\":\"unknown chat id 42\"}"));
        assertTrue(refused.reason().contains("400") && refused.reason().contains("unknown chat id 42"), refused.reason());
        assertInstanceOf(SendOutcome.Permanent.class, WebhookAnswers.classify(404, null, null));
        assertInstanceOf(SendOutcome.Permanent.class, WebhookAnswers.classify(410, null, null));
        String huge = "x".repeat(5000);
        assertTrue(assertInstanceOf(SendOutcome.Permanent.class, WebhookAnswers.classify(422, null, huge)).reason().length() < 600);
    }
}
