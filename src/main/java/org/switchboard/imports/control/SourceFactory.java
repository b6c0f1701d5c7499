package org.switchboard.imports.control;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.switchboard.channels.email.control.EmailAccount;
import org.switchboard.channels.email.control.EmailChannelService;
import org.switchboard.channels.email.control.EmailPayloadParser;
import org.switchboard.imports.control.MailSource.SourceMail;
import org.switchboard.platform.concurrent.Background;

/** Opens the mail source of an import's part. */
@ApplicationScoped
public class SourceFactory {

    @Inject
    EmailChannelService accounts;

    @Inject
    ArchiveStore archives;

    @Inject
    Background background;

    @Inject
    EmailPayloadParser parser;

    /**
     * The part's source, read ahead and parsed on a thread of its own while the job writes (see
     * {@link PrefetchingSource}); every mail it gives has its {@link SourceMail#parsed()}.
     */
    public MailSource open(ImportJob job, String part) throws IOException {
        MailParsing parsing = new MailParsing(parser, accounts.account(job.channelId()), job);
        return new PrefetchingSource(source(job, part), background::newThread, part, parsing::prepare);
    }

    private MailSource source(ImportJob job, String part) throws IOException {
        if (job.imap()) {
            EmailAccount account = accounts.account(job.channelId());
            return new ImapFolderSource(account, accounts.secretOf(account), part);
        }
        return switch (ArchiveStore.formatOf(job.archive())) {
            case MBOX -> new MboxSource(archives.path(job.archive()), part);
            case ZIP -> new ZipSource(archives.path(job.archive()), part);
        };
    }
}
