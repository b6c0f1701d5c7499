package org.switchboard.imports.boundary;

import java.io.Serializable;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.switchboard.imports.control.ImportJob;
import org.switchboard.imports.control.ImportRecords;
import org.switchboard.imports.control.MailSource;
import org.switchboard.imports.control.MailSource.SourceMail;
import org.switchboard.imports.control.SourceFactory;

/**
 * Reads one part of an import's source. It resumes where the application's own progress record
 * says the last written chunk ended — written in the same transaction as that chunk — so a
 * restart, even after the batch runtime forgot the execution, continues exactly there.
 */
@Dependent
@Named
public class MailSourceReader extends AbstractItemReader {

    @Inject
    JobContext jobContext;

    @Inject
    @BatchProperty(name = "part")
    String part;

    @Inject
    SourceFactory sources;

    @Inject
    ImportRecords records;

    private ImportJob job;
    private MailSource source;
    private String lastResumeAfter;

    @Override
    public void open(Serializable checkpoint) throws Exception {
        job = ImportJob.of(BatchRuntime.getJobOperator().getParameters(jobContext.getExecutionId()));
        source = sources.open(job, part);
        String resumeAfter = job.dryRun() ? null : records.resumeAfter(job.progressKey(), part, null);
        source.open(resumeAfter);
        records.resumeAfter(job.progressKey(), part, source.total());
        lastResumeAfter = resumeAfter;
    }

    @Override
    public Object readItem() throws Exception {
        SourceMail mail = source.next();
        if (mail == null) {
            records.partDone(job.progressKey(), part);
            return null;
        }
        lastResumeAfter = mail.resumeAfter();
        return mail;
    }

    @Override
    public Serializable checkpointInfo() {
        return lastResumeAfter;
    }

    @Override
    public void close() {
        if (source != null) {
            source.close();
        }
    }
}
