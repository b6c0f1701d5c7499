package org.switchboard.imports.control;

import org.switchboard.channels.email.control.EmailAccount;
import org.switchboard.channels.email.control.EmailPayloadParser;
import org.switchboard.imports.control.MailSource.SourceMail;
import org.switchboard.inbound.control.InboundMessage;
import org.switchboard.inbound.control.InvalidPayloadException;

/**
 * Parses a raw historical mail the way live mail is parsed. Mail outside the chosen dates is left
 * out; mail that cannot be read becomes an {@link UnreadableMail} with its reason; mail from the
 * team's own address is marked as the team's. It runs on the read-ahead thread
 * ({@link PrefetchingSource}), so parsing one chunk overlaps with writing the one before.
 */
public final class MailParsing {

    /** What parsing made of one mail: the item to write, or why there is none. */
    public record Parsed(ImportItem item, UnreadableMail unreadable) {

        static final Parsed OUT_OF_RANGE = new Parsed(null, null);

        /** The item to write; null for mail outside the dates. */
        public ImportItem itemOrThrow() throws UnreadableMail {
            if (unreadable != null) {
                throw unreadable;
            }
            return item;
        }
    }

    private final EmailPayloadParser parser;
    private final EmailAccount account;
    private final ImportJob job;

    /** @param account the channel's mailbox; null when the channel has none (then forwards are logged on the original sender) */
    public MailParsing(EmailPayloadParser parser, EmailAccount account, ImportJob job) {
        this.parser = parser;
        this.account = account;
        this.job = job;
    }

    /** The mail with its parse attached; the raw bytes are let go, as the parse holds what is needed. */
    public SourceMail prepare(SourceMail mail) {
        return mail.withParsed(parse(mail));
    }

    Parsed parse(SourceMail mail) {
        InboundMessage message;
        try {
            message = parser.parse(mail.raw(), account == null || account.logForwardedOnOriginalSender());
        } catch (InvalidPayloadException | IllegalArgumentException unreadable) {
            return new Parsed(null, new UnreadableMail(mail.part(), mail.position(), unreadable.getMessage()));
        }
        if (!job.inRange(message.occurredAt())) {
            return Parsed.OUT_OF_RANGE;
        }
        boolean teamMail = account != null && account.address().equalsIgnoreCase(message.from().email());
        return new Parsed(new ImportItem(mail.part(), mail.position(), mail.resumeAfter(), message, teamMail), null);
    }
}
