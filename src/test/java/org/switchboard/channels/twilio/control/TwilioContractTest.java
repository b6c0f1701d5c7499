package org.switchboard.channels.twilio.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.switchboard.calls.control.CallEvent;
import org.switchboard.calls.control.FormBody;
import org.switchboard.channels.twilio.control.TwilioEvents.Hook;
import org.switchboard.conversations.entity.CallDirection;
import org.switchboard.inbound.control.InvalidPayloadException;

/** Twilio's documented requests: the signature, each callback read into a call event, and the TwiML answered. */
class TwilioContractTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void theSignatureIsTwiliosDocumentedExample() {
        // Twilio's security documentation: auth token 12345, this URL and these parameters (also computed with openssl dgst -sha1 -hmac)
        String url = "https://mycompany.com/myapp.php?foo=1&bar=2";
        Map<String, List<String>> form = FormBody.parse("CallSid=CA1234567890ABCDE&Caller=%2B12349013030&Digits=1234&From=%2B12349013030&To=%2B18005551212");
        assertEquals("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", TwilioSignature.of("12345", url, form));
        assertTrue(TwilioSignature.valid("12345", url, form, "0/KCTR6DLpKmkAf8muzZqo1nDgQ="));
        assertFalse(TwilioSignature.valid("12345", url + "&x=1", form, "0/KCTR6DLpKmkAf8muzZqo1nDgQ="), "another URL");
        assertFalse(TwilioSignature.valid("54321", url, form, "0/KCTR6DLpKmkAf8muzZqo1nDgQ="), "another token");
        assertFalse(TwilioSignature.valid("12345", url, FormBody.parse("CallSid=CA1234567890ABCDE"), "0/KCTR6DLpKmkAf8muzZqo1nDgQ="), "other parameters");
        assertFalse(TwilioSignature.valid("12345", url, form, null));
    }

    private static Map<String, List<String>> form(String encoded) {
        return FormBody.parse(encoded);
    }

    @Test
    void anIncomingCallRingsAndItsStatusesEndIt() {
        CallEvent ringing = TwilioEvents.read(Hook.VOICE, form("CallSid=CA1&From=%2B358401234567&To=%2B358942451234&CallStatus=ringing&Direction=inbound"),
                Map.of(), "FI", NOW);
        assertEquals(CallEvent.Step.RINGING, ringing.step());
        assertEquals("+358401234567", ringing.customerNumber());
        assertEquals("+358942451234", ringing.ourNumber());
        assertEquals("call:CA1", ringing.messageKey());
        CallEvent completed = TwilioEvents.read(Hook.STATUS, form("CallSid=CA1&From=%2B358401234567&To=%2B358942451234&CallStatus=completed"
                + "&Direction=inbound&Timestamp=Thu%2C+03+Dec+2026+10%3A03%3A12+%2B0000&CallDuration=192"), Map.of(), "FI", NOW);
        assertEquals(CallEvent.Step.ENDED, completed.step());
        assertEquals("normalClearing", completed.cause());
        assertEquals(Instant.parse("2026-12-03T10:03:12Z"), completed.at(), "Twilio's own timestamp");
        for (String[] status : new String[][] {{"busy", "busy"}, {"no-answer", "noAnswer"}, {"canceled", "cancel"}, {"failed", "failed"}}) {
            assertEquals(status[1], TwilioEvents.read(Hook.STATUS, form("CallSid=CA1&CallStatus=" + status[0] + "&Direction=inbound&From=%2B358401234567"),
                    Map.of(), "FI", NOW).cause());
        }
        assertNull(TwilioEvents.read(Hook.STATUS, form("CallSid=CA1&CallStatus=in-progress&Direction=inbound"), Map.of(), "FI", NOW),
                "Twilio answering the call to run TwiML is not the agent answering");
    }

    @Test
    void theAgentsLegAnsweringIsTheAnswerOfTheParentCall() {
        CallEvent answered = TwilioEvents.read(Hook.AGENT, form("CallSid=CA2&ParentCallSid=CA1&CallStatus=in-progress"),
                FormBody.parse("agent=anna&parent=CA1"), "FI", NOW);
        assertEquals("CA1", answered.callId());
        assertEquals(CallEvent.Step.ANSWERED, answered.step());
        assertEquals("anna", answered.agent());
        assertEquals("twilio:CA1:agent:CA2:in-progress", TwilioEvents.key(Hook.AGENT, form("CallSid=CA2&ParentCallSid=CA1&CallStatus=in-progress"), Map.of()));
        CallEvent ringing = TwilioEvents.read(Hook.AGENT, form("CallSid=CA2&ParentCallSid=CA1&CallStatus=ringing"), FormBody.parse("agent=anna&parent=CA1"), "FI", NOW);
        assertEquals(CallEvent.Step.RINGING, ringing.step());
        assertEquals(List.of("anna"), ringing.ringing(), "the agent whose phone rings is told");
        assertEquals("CA1", ringing.callId());
        assertEquals(List.of(), TwilioEvents.read(Hook.VOICE, form("CallSid=CA1&From=%2B358401234567&To=%2B358942451234"), Map.of(), "FI", NOW).ringing(),
                "whom the incoming call rings is known when an agent's leg rings");
        assertNull(TwilioEvents.read(Hook.CUSTOMER, form("CallSid=CA2&ParentCallSid=CA1&CallStatus=ringing"), FormBody.parse("customer=%2B358401234567&parent=CA1"), "FI", NOW));
    }

    @Test
    void aClickToCallsStatusesNameTheContactFromTheirUrl() {
        CallEvent ringing = TwilioEvents.read(Hook.STATUS, form("CallSid=CA9&From=%2B358942451234&To=client%3Aanna&CallStatus=initiated&Direction=outbound-api"),
                FormBody.parse("customer=%2B358401234567&agent=anna"), "FI", NOW);
        assertEquals(CallDirection.OUTBOUND, ringing.direction());
        assertEquals("+358401234567", ringing.customerNumber());
        assertEquals("anna", ringing.agent());
        CallEvent placed = TwilioEvents.read(Hook.PLACED, form("CallSid=CA9&To=%2B358401234567&From=%2B358942451234&SwitchboardAgent=anna"), Map.of(), "FI", NOW);
        assertEquals(CallEvent.Step.RINGING, placed.step());
        assertEquals("+358401234567", placed.customerNumber());
    }

    @Test
    void aRecordingIsAVoicemailWithItsUrl() {
        CallEvent recorded = TwilioEvents.read(Hook.RECORDING, form("CallSid=CA1&RecordingSid=RE1&RecordingStatus=completed&RecordingDuration=7"
                + "&RecordingUrl=https%3A%2F%2Fapi.twilio.com%2F2010-04-01%2FAccounts%2FAC1%2FRecordings%2FRE1"), Map.of(), "FI", NOW);
        assertEquals(CallEvent.Step.RECORDED, recorded.step());
        assertEquals("https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE1", recorded.recordingUrl());
        assertEquals(7, recorded.recordingSeconds());
        assertEquals("twilio:CA1:recording:RE1", TwilioEvents.key(Hook.RECORDING, form("CallSid=CA1&RecordingSid=RE1"), Map.of()));
    }

    @Test
    void missingFieldsAreNamed() {
        assertEquals("CallSid", assertThrows(InvalidPayloadException.class, () -> TwilioEvents.key(Hook.VOICE, form("From=1"), Map.of())).field());
        assertEquals("CallStatus", assertThrows(InvalidPayloadException.class, () -> TwilioEvents.key(Hook.STATUS, form("CallSid=CA1"), Map.of())).field());
        assertEquals("RecordingUrl", assertThrows(InvalidPayloadException.class,
                () -> TwilioEvents.read(Hook.RECORDING, form("CallSid=CA1&RecordingSid=RE1&RecordingStatus=completed"), Map.of(), "FI", NOW)).field());
    }

    @Test
    void twimlDialsTheAgentsAddressOrRecordsAVoicemailAndEscapesEverything() {
        String dial = TwiML.dial("client:anna", 20, "https://sb.example/webhooks/twilio/k/dial", "https://sb.example/webhooks/twilio/k/agent?agent=anna&parent=CA1", null);
        assertTrue(dial.contains("<Dial answerOnBridge=\"true\" timeout=\"20\" action=\"https://sb.example/webhooks/twilio/k/dial\">"), dial);
        assertTrue(dial.contains("<Client statusCallbackEvent=\"ringing answered completed\" statusCallback=\"https://sb.example/webhooks/twilio/k/agent?agent=anna&amp;parent=CA1\">anna</Client>"), dial);
        assertTrue(TwiML.dial("sip:anna@pbx.example.com", 20, "a", "b", null).contains("<Sip"));
        assertTrue(TwiML.dial("+358401234567", 20, "a", "b", "+358942451234").contains("callerId=\"+358942451234\"><Number"));
        String voicemail = TwiML.voicemail("Leave a message <after> the \"tone\" & we call", "en-US", 120, "https://x/recording", "https://x/done");
        assertTrue(voicemail.contains("<Say language=\"en-US\">Leave a message &lt;after&gt; the &quot;tone&quot; &amp; we call</Say>"), voicemail);
        assertTrue(voicemail.contains("<Record maxLength=\"120\" playBeep=\"true\" action=\"https://x/done\" recordingStatusCallback=\"https://x/recording\""), voicemail);
    }
}
