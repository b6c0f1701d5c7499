package org.switchboard.channels.email.control;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.switchboard.inbound.control.InboundJournal;
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

    /** Mails fetched together go into the pipeline together: one journal and one processing transaction, not one each. */
    public List<Submission> submitAll(long channelId, List<byte[]> rawMails) {
        return pipeline.submitAll(rawMails.stream()
                .map(raw -> new InboundJournal.Payload(channelId, parser.keyOf(raw), EmailPayloadParser.CONTENT_TYPE, raw)).toList());
    }
}
