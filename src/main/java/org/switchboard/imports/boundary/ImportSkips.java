package org.switchboard.imports.boundary;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.listener.SkipProcessListener;
import jakarta.batch.api.chunk.listener.SkipReadListener;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.switchboard.imports.control.ImportJob;
import org.switchboard.imports.control.ImportRecords;
import org.switchboard.imports.control.MailSource.SourceMail;
import org.switchboard.imports.control.UnreadableMail;

/** Records every skipped mail with its place and reason, for the execution's report. */
@Dependent
@Named
public class ImportSkips implements SkipReadListener, SkipProcessListener {

    @Inject
    JobContext jobContext;

    @Inject
    @BatchProperty(name = "part")
    String part;

    @Inject
    ImportRecords records;

    private ImportJob job() {
        return ImportJob.of(BatchRuntime.getJobOperator().getParameters(jobContext.getExecutionId()));
    }

    @Override
    public void onSkipReadItem(Exception failure) {
        ImportJob job = job();
        records.skipped(job.runId(), job.progressKey(), part == null ? "?" : part, "unknown (the read failed)", describe(failure));
    }

    @Override
    public void onSkipProcessItem(Object item, Exception failure) {
        ImportJob job = job();
        String where = failure instanceof UnreadableMail unreadable ? unreadable.position()
                : item instanceof SourceMail mail ? mail.position() : "unknown";
        String inPart = item instanceof SourceMail mail ? mail.part() : part;
        records.skipped(job.runId(), job.progressKey(), inPart, where, describe(failure));
    }

    private static String describe(Exception failure) {
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }
}
