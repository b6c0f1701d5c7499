package org.switchboard.imports.boundary;

import java.util.ArrayList;
import java.util.List;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.switchboard.imports.control.ImportItem;
import org.switchboard.imports.control.ImportJob;
import org.switchboard.imports.control.ImportRecords;
import org.switchboard.imports.control.ImportWriter;
import org.switchboard.platform.persistence.TableStatistics;

/**
 * Hands a chunk to {@link ImportWriter}, which writes it and the part's position in one
 * transaction of the application's database (never the chunk's own transaction, which holds the
 * batch runtime's repository: no two-resource transaction, no XA needed).
 */
@Dependent
@Named
public class MailImportWriter extends AbstractItemWriter {

    /** The tables an import fills and looks rows up in by IN-lists (see {@link TableStatistics}). */
    private static final List<String> IMPORTED_TABLES = List.of("contacts", "contact_emails", "tickets", "conversations", "messages");

    @Inject
    JobContext jobContext;

    @Inject
    ImportWriter writer;

    @Inject
    ImportRecords records;

    @Inject
    TableStatistics statistics;

    private ImportJob job;

    @Override
    public void writeItems(List<Object> chunk) {
        if (job == null) {
            job = ImportJob.of(BatchRuntime.getJobOperator().getParameters(jobContext.getExecutionId()));
        }
        List<ImportItem> items = new ArrayList<>(chunk.size());
        chunk.forEach(item -> items.add((ImportItem) item));
        if (items.isEmpty()) {
            return;
        }
        ImportWriter.Written written = writer.write(job.runId(), job.progressKey(), job.channelId(), items, job.dryRun());
        if (job.dryRun()) {
            ImportItem last = items.get(items.size() - 1);
            records.dryRunChunk(job.runId(), job.progressKey(), last.part(), last.resumeAfter(), items.size(), written);
        } else {
            statistics.wrote(written.messages(), IMPORTED_TABLES);
        }
    }
}
