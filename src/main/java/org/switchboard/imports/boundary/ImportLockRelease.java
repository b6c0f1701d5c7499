package org.switchboard.imports.boundary;

import jakarta.batch.api.listener.JobListener;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.switchboard.imports.control.ImportRecords;

/** Releases the source's lock when the run ends, however it ends (a crash leaves it for restart or abandon). */
@Dependent
@Named
public class ImportLockRelease implements JobListener {

    @Inject
    JobContext jobContext;

    @Inject
    ImportRecords records;

    @Override
    public void beforeJob() {
        // the lock was taken when the run was started
    }

    @Override
    public void afterJob() {
        var parameters = BatchRuntime.getJobOperator().getParameters(jobContext.getExecutionId());
        long runId = Long.parseLong(parameters.getProperty("runId"));
        records.ended(runId, finalStatus(jobContext.getBatchStatus()));
        if (Boolean.parseBoolean(parameters.getProperty("dryRun"))) {
            records.forgetDryRun(runId); // what its chunks would have made: only the report stays
        }
        records.unlock(parameters.getProperty("sourceKey"), runId);
    }

    /** After-job listeners run before the runtime settles the status: a job still "started" here is completing, one "stopping" stops. */
    static String finalStatus(BatchStatus status) {
        if (status == null || status == BatchStatus.STARTED || status == BatchStatus.STARTING) {
            return BatchStatus.COMPLETED.name();
        }
        return status == BatchStatus.STOPPING ? BatchStatus.STOPPED.name() : status.name();
    }
}
