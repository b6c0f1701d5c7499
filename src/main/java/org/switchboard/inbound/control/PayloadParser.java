package org.switchboard.inbound.control;

/** Turns one kind of raw inbound payload into an {@link InboundMessage}; one implementation per format. */
public interface PayloadParser {

    /** The content type the payload is journaled with. */
    String contentType();

    /** @throws InvalidPayloadException when the payload can never be processed */
    InboundMessage parse(byte[] payload);
}
