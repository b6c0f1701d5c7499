package org.switchboard.channels.email.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.switchboard.inbound.control.InboundPipeline;
import org.switchboard.inbound.control.InboundPipeline.Submission;

/** Hands raw mail, from IMAP or an MTA, to the inbound pipeline: journaled under its message key, then processed. */
@ApplicationScoped
public class MailIntake {

    @Inject
    EmailPayloadParser parser;

    @Inject
    InboundPipeline pipeline;

    public Submission submit(long channelId, byte[] rawMail) {
        return pipeline.submit(channelId, parser.keyOf(rawMail), EmailPayloadParser.CONTENT_TYPE, rawMail);
    }
}
