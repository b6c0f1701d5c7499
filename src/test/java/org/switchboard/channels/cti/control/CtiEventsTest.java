package org.switchboard.channels.cti.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.switchboard.calls.control.CallEvent;
import org.switchboard.calls.control.CallMessages;
import org.switchboard.calls.control.CallPayload;
import org.switchboard.conversations.entity.CallDirection;
import org.switchboard.inbound.control.InboundMessage;
import org.switchboard.inbound.control.InvalidPayloadException;

/** The generic CTI events as Zammad's documentation shows them, form-encoded and as JSON. */
class CtiEventsTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final CtiSettings GERMANY = new CtiSettings("h", "s", "DE", List.of("voicemail", "4930609811111"), List.of("+4930111111"),
            "+496990009111", null);

    private static CallEvent form(String body) {
        return CtiEvents.read(CtiFields.read(body.getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded; charset=UTF-8"), GERMANY, NOW);
    }

    private static CallEvent json(String body) {
        return CtiEvents.read(CtiFields.read(body.getBytes(StandardCharsets.UTF_8), "application/json"), GERMANY, NOW);
    }

    @Test
    void anInboundNewCallNamesTheCallerInE164AndWhoItRingsFor() {
        CallEvent event = form("event=newCall&from=0221%2F4710334&to=493023125741&direction=in&callId=4c5a4b1c&user%5B%5D=Anna+Agent&user%5B%5D=Ben");
        assertEquals(CallEvent.Step.RINGING, event.step());
        assertEquals(CallDirection.INBOUND, event.direction());
        assertEquals("+492214710334", event.customerNumber());
        assertEquals("+493023125741", event.ourNumber());
        assertEquals("Anna Agent", event.agent());
        assertEquals(List.of("Anna Agent", "Ben"), event.ringing(), "the agents whose phones ring get the notice");
        assertNull(form("event=newCall&from=02214710334&to=493023125741&direction=in&callId=n1").ringing(),
                "a phone system that names nobody leaves it to routing");
        assertEquals("call:4c5a4b1c", event.messageKey());
        assertEquals(NOW, event.at());
    }

    @Test
    void anOutboundCallsContactIsTheCalledNumber() {
        CallEvent event = json("{\"event\":\"newCall\",\"from\":\"493023125741\",\"to\":\"492214710334\",\"direction\":\"out\","
                + "\"callId\":\"f4ebd2be-7b9a\",\"user\":[\"Anna Agent\"]}");
        assertEquals(CallDirection.OUTBOUND, event.direction());
        assertEquals("+492214710334", event.customerNumber());
        assertEquals("+493023125741", event.ourNumber());
    }

    @Test
    void answerTakesTheAnsweringNumberFirstAndKnowsTheVoicemailBox() {
        CallEvent answered = form("event=answer&from=492214710334&to=493023125741&direction=in&callId=c1&user=Anna&answeringNumber=201");
        assertEquals(CallEvent.Step.ANSWERED, answered.step());
        assertEquals("201", answered.agent());
        assertFalse(answered.byVoicemail());
        CallEvent voicemail = form("event=answer&from=492214710334&to=493023125741&direction=in&callId=c1&answeringNumber=4930%20609811111");
        assertTrue(voicemail.byVoicemail());
        CallEvent byName = json("{\"event\":\"answer\",\"callId\":\"c1\",\"direction\":\"in\",\"from\":\"492214710334\",\"user\":\"Voicemail\"}");
        assertTrue(byName.byVoicemail());
    }

    @Test
    void hangupCarriesTheCauseAndAWithheldCallerIsNoNumber() {
        CallEvent hangup = form("event=hangup&from=anonymous&to=493023125741&direction=in&callId=c2&cause=cancel");
        assertEquals(CallEvent.Step.ENDED, hangup.step());
        assertEquals("cancel", hangup.cause());
        assertNull(hangup.customerNumber());
        InboundMessage message = CallMessages.of(hangup);
        assertEquals("call:c2", message.externalId());
        assertEquals("call:c2", message.threadKey(), "a withheld caller's calls are not threaded together");
        assertEquals("withheld:c2", message.from().externalUserId());
        assertEquals("normalClearing", form("event=hangup&from=492214710334&direction=in&callId=c3").cause(), "no cause: a normal hangup");
    }

    @Test
    void aKnownNumberThreadsByNumber() {
        InboundMessage message = CallMessages.of(form("event=newCall&from=0221+4710334&to=493023125741&direction=in&callId=c9"));
        assertEquals("tel:+492214710334", message.threadKey());
        assertEquals("+492214710334", message.from().phone());
        assertTrue(message.kindDetail() instanceof CallEvent);
    }

    @Test
    void refusalsNameTheField() {
        assertEquals("callId", assertThrows(InvalidPayloadException.class, () -> form("event=newCall&from=1&to=2&direction=in")).field());
        assertEquals("event", assertThrows(InvalidPayloadException.class, () -> form("callId=1&from=1")).field());
        assertEquals("direction", assertThrows(InvalidPayloadException.class, () -> form("event=newCall&callId=1&from=1&to=2")).field(),
                "a new call must say its direction");
        assertEquals("direction", assertThrows(InvalidPayloadException.class, () -> form("event=newCall&callId=1&direction=sideways")).field());
        assertEquals("cause", assertThrows(InvalidPayloadException.class, () -> form("event=hangup&callId=1&cause=%3Cscript%3E")).field());
        assertEquals("callId", assertThrows(InvalidPayloadException.class, () -> form("event=hangup&callId=" + "x".repeat(251))).field());
        assertThrows(InvalidPayloadException.class, () -> json("[1,2]"));
        assertThrows(InvalidPayloadException.class, () -> json("{\"event\":"));
        assertThrows(InvalidPayloadException.class, () -> CtiFields.read("a".getBytes(StandardCharsets.UTF_8), "text/plain"));
    }

    @Test
    void otherEventsAreRecognisedAsNotActedOn() {
        assertTrue(CtiEvents.known("newCall"));
        assertFalse(CtiEvents.known("transfer"));
        InvalidPayloadException kept = assertThrows(InvalidPayloadException.class, () -> form("event=transfer&callId=c1"));
        assertTrue(kept.getMessage().contains("kept in the journal"), kept.getMessage());
    }

    @Test
    void theAnswerRejectsBlockedCallersAndSetsTheOutboundCallerId() {
        assertEquals("{\"action\":\"reject\",\"reason\":\"busy\"}",
                CtiWebhook.answer(form("event=newCall&from=030+111111&to=493023125741&direction=in&callId=b1"), GERMANY).toString());
        assertEquals("{\"action\":\"dial\",\"caller_id\":\"496990009111\",\"number\":\"492214710334\"}",
                CtiWebhook.answer(form("event=newCall&from=493023125741&to=02214710334&direction=out&callId=o1"), GERMANY).toString());
        assertEquals("{}", CtiWebhook.answer(form("event=newCall&from=02214710334&to=493023125741&direction=in&callId=i1"), GERMANY).toString());
        assertEquals("{}", CtiWebhook.answer(form("event=hangup&from=030+111111&direction=in&callId=b1"), GERMANY).toString());
    }

    @Test
    void theJournalKeepsTheBodyByteForByteWithTheTimeItArrived() {
        byte[] body = "event=newCall&from=%C3%A4&callId=1".getBytes(StandardCharsets.UTF_8);
        CallPayload back = CallPayload.of(new CallPayload(NOW, "application/x-www-form-urlencoded; charset=UTF-8", body).toBytes());
        assertEquals(NOW, back.receivedAt());
        assertEquals("application/x-www-form-urlencoded;charset=UTF-8", back.contentType());
        assertEquals(new String(body, StandardCharsets.UTF_8), new String(back.rawBody(), StandardCharsets.UTF_8));
        assertThrows(IllegalArgumentException.class, () -> CallPayload.of("event=newCall".getBytes(StandardCharsets.UTF_8)));
    }
}
