package org.switchboard.imports.boundary;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Instant;
import java.util.Properties;

import org.switchboard.imports.control.ImportClosing;
import org.switchboard.imports.control.ImportJob;
import org.switchboard.imports.control.ImportRecords;

/** The last step of an import: the closing rule over the imported tickets it touched (not in a dry run). */
@Dependent
@Named
public class ImportEnd extends AbstractBatchlet {

    @Inject
    JobContext jobContext;

    @Inject
    ImportClosing closing;

    @Inject
    ImportRecords records;

    private volatile boolean stopped;

    @Override
    public String process() {
        Properties parameters = BatchRuntime.getJobOperator().getParameters(jobContext.getExecutionId());
        ImportJob job = ImportJob.of(parameters);
        if (job.dryRun()) {
            return BatchStatus.COMPLETED.name();
        }
        String days = parameters.getProperty("closeAfterDays");
        Integer closeAfterDays = days == null ? null : Integer.valueOf(days);
        boolean closeAnswered = Boolean.parseBoolean(parameters.getProperty("closeAnswered"));
        // The import's messages were all stored since it began. A restart on another instance stored its part by that
        // instance's clock: servers kept by NTP differ by milliseconds, and a restart comes minutes after the crash.
        Instant since = records.importBegan(job.runId());
        long after = 0;
        while (!stopped && after >= 0) {
            after = closing.apply(job.channelId(), since, after, closeAfterDays, closeAnswered, 500);
        }
        return stopped ? BatchStatus.STOPPED.name() : BatchStatus.COMPLETED.name();
    }

    @Override
    public void stop() {
        stopped = true;
    }
}
