package org.switchboard.imports.boundary;

import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;

import org.switchboard.imports.control.MailParsing;
import org.switchboard.imports.control.MailSource.SourceMail;
import org.switchboard.imports.control.UnreadableMail;

/**
 * Hands on what the read-ahead thread parsed ({@link MailParsing}): mail outside the chosen dates
 * is left out (null); mail that cannot be read is skipped with its reason ({@link UnreadableMail},
 * thrown here so the job's skip policy records it).
 */
@Dependent
@Named
public class MailImportProcessor implements ItemProcessor {

    @Override
    public Object processItem(Object item) throws UnreadableMail {
        SourceMail mail = (SourceMail) item;
        if (mail.parsed() == null) {
            throw new IllegalStateException("Mail " + mail.position() + " of " + mail.part() + " was not parsed by its source");
        }
        return mail.parsed().itemOrThrow();
    }
}
