package org.switchboard.channels.twilio.control;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.switchboard.calls.control.CallEvent;
import org.switchboard.calls.control.CallMessages;
import org.switchboard.calls.control.CallPayload;
import org.switchboard.calls.control.FormBody;
import org.switchboard.channels.entity.Channel;
import org.switchboard.inbound.control.InboundMessage;
import org.switchboard.inbound.control.InvalidPayloadException;
import org.switchboard.inbound.control.PayloadParser;

/**
 * A journaled Twilio request → the call's message. The journal keeps Twilio's form body byte for byte;
 * which hook it came to and that URL's query (both signed by Twilio) ride in the first line's content
 * type as parameters: {@code application/x-www-form-urlencoded;hook=status;query=agent%3Danna}.
 */
@ApplicationScoped
public class TwilioEventParser implements PayloadParser {

    public static final String CONTENT_TYPE = "application/vnd.switchboard.twilio-event";

    @Override
    public String contentType() {
        return CONTENT_TYPE;
    }

    @Override
    public InboundMessage parse(byte[] payload) {
        throw new InvalidPayloadException(null, "A Twilio event is read with its channel's settings");
    }

    @Override
    public InboundMessage parse(Channel channel, byte[] payload) {
        CallPayload journaled;
        try {
            journaled = CallPayload.of(payload);
        } catch (IllegalArgumentException broken) {
            throw new InvalidPayloadException(null, "Not a journaled call event: " + broken.getMessage());
        }
        TwilioSettings settings = TwilioChannelService.settingsOf(channel);
        Map<String, String> parameters = contentTypeParameters(journaled.contentType());
        TwilioEvents.Hook hook = TwilioEvents.Hook.of(parameters.getOrDefault("hook", ""));
        if (hook == null || !hook.isEvent()) {
            throw new InvalidPayloadException(null, "Not a Twilio call event: hook " + parameters.get("hook"));
        }
        Map<String, List<String>> query = FormBody.parse(java.net.URLDecoder.decode(parameters.getOrDefault("query", ""), java.nio.charset.StandardCharsets.UTF_8));
        CallEvent event = TwilioEvents.read(hook, FormBody.parse(journaled.rawBody()), query, settings == null ? null : settings.country(), journaled.receivedAt());
        if (event == null) {
            throw new InvalidPayloadException(null, "Twilio reported nothing that changes the call (" + hook.name().toLowerCase() + "): kept in the journal");
        }
        return CallMessages.of(event);
    }

    /** How the webhook writes the journal's content type for one request. */
    public static String journalContentType(TwilioEvents.Hook hook, String queryString) {
        return "application/x-www-form-urlencoded;hook=" + hook.name().toLowerCase() + ";query="
                + java.net.URLEncoder.encode(queryString == null ? "" : queryString, java.nio.charset.StandardCharsets.UTF_8);
    }

    static Map<String, String> contentTypeParameters(String contentType) {
        Map<String, String> parameters = new java.util.HashMap<>();
        for (String part : contentType.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                parameters.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
            }
        }
        return parameters;
    }
}
