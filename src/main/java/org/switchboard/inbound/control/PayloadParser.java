package org.switchboard.inbound.control;

/** Turns one kind of raw inbound payload into an {@link InboundMessage}; one implementation per format. */
public interface PayloadParser {

    /** The content type the payload is journaled with. */
    String contentType();

    /** @throws InvalidPayloadException when the payload can never be processed */
    InboundMessage parse(byte[] payload);

    /** Parses with the receiving channel's settings (e.g. who a forwarded email is logged on). */
    default InboundMessage parse(org.switchboard.channels.entity.Channel channel, byte[] payload) {
        return parse(payload);
    }
}
