package org.switchboard.imports.boundary;

import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.switchboard.channels.email.control.EmailAccount;
import org.switchboard.channels.email.control.EmailChannelService;
import org.switchboard.channels.email.control.EmailPayloadParser;
import org.switchboard.imports.control.ImportItem;
import org.switchboard.imports.control.ImportJob;
import org.switchboard.imports.control.UnreadableMail;
import org.switchboard.imports.control.MailSource.SourceMail;
import org.switchboard.inbound.control.InboundMessage;
import org.switchboard.inbound.control.InvalidPayloadException;

/**
 * Parses a raw historical mail the way live mail is parsed. Mail outside the chosen dates is left
 * out (null); mail that cannot be read is skipped with its reason ({@link UnreadableMail}); mail
 * from the team's own address is marked as the team's.
 */
@Dependent
@Named
public class MailImportProcessor implements ItemProcessor {

    @Inject
    JobContext jobContext;

    @Inject
    EmailPayloadParser parser;

    @Inject
    EmailChannelService accounts;

    private ImportJob job;
    private EmailAccount account;

    @Override
    public Object processItem(Object item) throws UnreadableMail {
        if (job == null) {
            job = ImportJob.of(BatchRuntime.getJobOperator().getParameters(jobContext.getExecutionId()));
            account = accounts.account(job.channelId());
        }
        SourceMail mail = (SourceMail) item;
        InboundMessage message;
        try {
            message = parser.parse(mail.raw(), account == null || account.logForwardedOnOriginalSender());
        } catch (InvalidPayloadException | IllegalArgumentException unreadable) {
            throw new UnreadableMail(mail.part(), mail.position(), unreadable.getMessage());
        }
        if (!job.inRange(message.occurredAt())) {
            return null;
        }
        boolean teamMail = account != null && account.address().equalsIgnoreCase(message.from().email());
        return new ImportItem(mail.part(), mail.position(), mail.resumeAfter(), message, teamMail);
    }
}
