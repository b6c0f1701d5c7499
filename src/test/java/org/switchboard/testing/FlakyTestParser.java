package org.switchboard.testing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.switchboard.inbound.control.GenericMessageParser;
import org.switchboard.inbound.control.InboundMessage;
import org.switchboard.inbound.control.PayloadParser;

/** A parser for a test-only content type that fails while {@link #failing} is set, like a dependency that is down. */
@ApplicationScoped
public class FlakyTestParser implements PayloadParser {

    public static final String CONTENT_TYPE = "application/vnd.switchboard.test+json";
    public static volatile boolean failing;

    @Inject
    GenericMessageParser generic;

    @Override
    public String contentType() {
        return CONTENT_TYPE;
    }

    @Override
    public InboundMessage parse(byte[] payload) {
        if (failing) {
            throw new IllegalStateException("parser down");
        }
        return generic.parse(payload);
    }
}
