package org.switchboard.imports.boundary;

import jakarta.batch.api.listener.JobListener;
import jakarta.batch.runtime.BatchRuntime;
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
        records.unlock(parameters.getProperty("sourceKey"), Long.parseLong(parameters.getProperty("runId")));
    }
}
