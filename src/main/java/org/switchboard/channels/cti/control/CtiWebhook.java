package org.switchboard.channels.cti.control;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import org.switchboard.calls.control.CallEvent;
import org.switchboard.calls.control.CallPayload;
import org.switchboard.channels.cti.control.CtiChannelService.Receiver;
import org.switchboard.conversations.entity.CallDirection;
import org.switchboard.inbound.control.InboundPipeline;
import org.switchboard.inbound.control.InvalidPayloadException;
import org.switchboard.platform.json.Jsonp;

/**
 * One event from a phone system: the token names the channel; the event is checked (a refusal names
 * the field), journaled raw under {@code cti:<callId>:<event>} — a repeated event is the same item — and
 * applied to its call. Events Switchboard does not act on are journaled too and kept with the reason.
 * The answer is what the phone system may act on: to reject a blocked caller, or the caller id to dial
 * out with; otherwise an empty object.
 */
@ApplicationScoped
public class CtiWebhook {

    /** The journal's content type for CTI events ({@link CallPayload}: arrival time, then the body as it came). */
    public static final String CONTENT_TYPE = "application/vnd.switchboard.cti-event";

    @Inject
    CtiChannelService channels;

    @Inject
    InboundPipeline pipeline;

    /** A refusal: the HTTP status, what is wrong, and the field at fault when there is one. */
    public static class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;
        private final String field;

        public Refused(int status, String message, String field) {
            super(message);
            this.status = status;
            this.field = field;
        }

        public int status() {
            return status;
        }

        public String field() {
            return field;
        }
    }

    public JsonObject receive(String token, String contentType, byte[] raw) {
        Receiver receiver = channels.receiver(token).orElseThrow(() -> new Refused(401,
                "Unknown token: copy the webhook URL from the channel's page in Settings → Channels", null));
        if (!receiver.enabled()) {
            throw new Refused(409, "Channel " + receiver.name() + " is disabled", null);
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (!type.startsWith(CtiFields.FORM) && !type.startsWith(CtiFields.JSON)) {
            throw new Refused(415, "Send the event as " + CtiFields.FORM + " or " + CtiFields.JSON, null);
        }
        Instant now = Instant.now();
        String event;
        String callId;
        CallEvent call = null;
        try {
            CtiFields fields = CtiFields.read(raw, contentType);
            event = CtiEvents.eventName(fields);
            callId = CtiEvents.callId(fields);
            if (CtiEvents.known(event)) {
                call = CtiEvents.read(fields, receiver.settings(), now);
            }
        } catch (InvalidPayloadException invalid) {
            throw new Refused(400, invalid.getMessage(), invalid.field());
        }
        pipeline.submit(receiver.channelId(), "cti:" + callId + ":" + event, CONTENT_TYPE, new CallPayload(now, contentType.strip(), raw).toBytes());
        return answer(call, receiver.settings());
    }

    /** Zammad's answers to a new call: {@code reject} for a blocked caller, {@code dial} with the caller id for an outbound call. */
    static JsonObject answer(CallEvent call, CtiSettings settings) {
        if (call == null || call.step() != CallEvent.Step.RINGING) {
            return Jsonp.objectBuilder().build();
        }
        List<String> blocked = settings.blockedNumbers();
        if (call.direction() == CallDirection.INBOUND && call.customerNumber() != null && blocked.contains(call.customerNumber())) {
            return Jsonp.objectBuilder().add("action", "reject").add("reason", "busy").build();
        }
        if (call.direction() == CallDirection.OUTBOUND && settings.outboundCallerId() != null && call.customerNumber() != null) {
            return Jsonp.objectBuilder().add("action", "dial").add("caller_id", digits(settings.outboundCallerId()))
                    .add("number", digits(call.customerNumber())).build();
        }
        return Jsonp.objectBuilder().build();
    }

    private static String digits(String e164) {
        return e164.startsWith("+") ? e164.substring(1) : e164;
    }
}
