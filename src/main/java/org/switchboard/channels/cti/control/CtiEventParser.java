package org.switchboard.channels.cti.control;

import jakarta.enterprise.context.ApplicationScoped;

import org.switchboard.calls.control.CallMessages;
import org.switchboard.calls.control.CallPayload;
import org.switchboard.channels.entity.Channel;
import org.switchboard.inbound.control.InboundMessage;
import org.switchboard.inbound.control.InvalidPayloadException;
import org.switchboard.inbound.control.PayloadParser;

/** A journaled CTI event → the call's message (every event of a call names the same one), read with the channel's settings. */
@ApplicationScoped
public class CtiEventParser implements PayloadParser {

    @Override
    public String contentType() {
        return CtiWebhook.CONTENT_TYPE;
    }

    @Override
    public InboundMessage parse(byte[] payload) {
        throw new InvalidPayloadException(null, "A CTI event is read with its channel's settings");
    }

    @Override
    public InboundMessage parse(Channel channel, byte[] payload) {
        CallPayload journaled;
        try {
            journaled = CallPayload.of(payload);
        } catch (IllegalArgumentException broken) {
            throw new InvalidPayloadException(null, "Not a journaled call event: " + broken.getMessage());
        }
        CtiSettings settings = CtiChannelService.settingsOf(channel);
        if (settings == null) {
            throw new InvalidPayloadException(null, "Channel " + channel.getName() + " has no CTI settings");
        }
        CtiFields fields = CtiFields.read(journaled.rawBody(), journaled.contentType());
        return CallMessages.of(CtiEvents.read(fields, settings, journaled.receivedAt()));
    }
}
