package org.switchboard.imports.boundary;

import java.util.List;
import java.util.Properties;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.switchboard.imports.control.ImportRecords;
import org.switchboard.imports.control.InboxMigration;

/**
 * The {@code inbox-migration} job's one step: switch the channel to the help desk, then (with
 * {@code history}) give its conversations tickets in batches, each batch committed with the
 * position; stoppable between batches, and a restart continues after the last batch.
 */
@Dependent
@Named
public class InboxMigrationStep extends AbstractBatchlet {

    static final int BATCH = 100;

    @Inject
    JobContext jobContext;

    @Inject
    InboxMigration migration;

    private volatile boolean stopped;

    @Override
    public String process() {
        Properties parameters = BatchRuntime.getJobOperator().getParameters(jobContext.getExecutionId());
        long channelId = Long.parseLong(parameters.getProperty("channelId"));
        long runId = Long.parseLong(parameters.getProperty("runId"));
        boolean dryRun = Boolean.parseBoolean(parameters.getProperty("dryRun"));
        boolean history = Boolean.parseBoolean(parameters.getProperty("history"));
        String progressKey = ImportRecords.Run.progressKey(parameters.getProperty("sourceKey"), dryRun, runId);
        if (!dryRun) {
            migration.connectToHelpDesk(channelId);
        }
        if (history) {
            long after = dryRun ? 0 : migration.resumeAfter(progressKey);
            List<Long> batch;
            while (!stopped && !(batch = migration.conversationsAfter(channelId, after, BATCH)).isEmpty()) {
                int[] result = migration.migrate(progressKey, channelId, batch, dryRun);
                after = batch.get(batch.size() - 1);
                if (dryRun) {
                    migration.countDryRun(progressKey, after, batch.size(), result[0]);
                }
            }
        }
        if (stopped) {
            return BatchStatus.STOPPED.name();
        }
        migration.finished(progressKey);
        return BatchStatus.COMPLETED.name();
    }

    @Override
    public void stop() {
        stopped = true;
    }
}
