package org.switchboard.imports.control;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.switchboard.imports.control.ImportDtos.MailboxImportRequest;
import org.switchboard.imports.control.ImportDtos.PartView;
import org.switchboard.imports.control.ImportDtos.RunView;
import org.switchboard.imports.control.ImportDtos.SkipView;
import org.switchboard.imports.control.ImportDtos.SourceKind;

/**
 * Starts, stops, restarts and abandons import jobs, and tells how they do. Called outside any
 * transaction (jobs must not start inside one); its bookkeeping is in {@link ImportRecords}.
 */
@ApplicationScoped
public class ImportService {

    public static final String MAILBOX_IMPORT = "mailbox-import";
    public static final String INBOX_MIGRATION = "inbox-migration";
    /** This server instance: batch execution ids mean something only to the instance that started them. */
    static final String INSTANCE = java.util.UUID.randomUUID().toString();

    @Inject
    ImportRecords records;

    @Inject
    ArchiveStore archives;

    private static JobOperator jobs() {
        return BatchRuntime.getJobOperator();
    }

    public long startMailboxImport(MailboxImportRequest request, String operator) {
        records.requireImportableChannel(request.channelId(), request.source() == SourceKind.IMAP);
        Properties parameters = new Properties();
        parameters.setProperty("channelId", request.channelId().toString());
        parameters.setProperty("source", request.source().name());
        String sourceKey;
        if (request.source() == SourceKind.IMAP) {
            List<String> folders = request.folders() == null || request.folders().isEmpty() ? List.of("INBOX") : request.folders();
            for (String folder : folders) {
                if (folder.isBlank() || folder.contains(",") || folder.length() > 200) {
                    throw new IllegalArgumentException("folders: \"" + folder + "\" is not a folder name");
                }
            }
            String joined = String.join(",", new TreeSet<>(folders));
            parameters.setProperty("folders", joined);
            sourceKey = "imap:" + request.channelId() + ":" + joined;
        } else {
            if (request.archiveId() == null || !archives.exists(request.archiveId())) {
                throw new IllegalArgumentException("archiveId: upload the archive first (POST /api/v1/imports/archives)");
            }
            parameters.setProperty("archive", request.archiveId());
            sourceKey = "archive:" + request.channelId() + ":" + request.archiveId();
        }
        if (request.since() != null) {
            parameters.setProperty("since", request.since().toString());
        }
        if (request.until() != null) {
            parameters.setProperty("until", request.until().toString());
        }
        boolean dryRun = Boolean.TRUE.equals(request.dryRun());
        parameters.setProperty("dryRun", Boolean.toString(dryRun));
        parameters.setProperty("chunkSize", Integer.toString(request.chunkSize() == null ? 200 : request.chunkSize()));
        if (request.closeAfterDays() != null) {
            parameters.setProperty("closeAfterDays", request.closeAfterDays().toString());
        }
        parameters.setProperty("closeAnswered", Boolean.toString(Boolean.TRUE.equals(request.closeAnswered())));
        parameters.setProperty("sourceKey", sourceKey);
        return start(MAILBOX_IMPORT, sourceKey, request.channelId(), parameters, operator, null);
    }

    /** Starts {@code inbox-migration}: the channel leaves its shared inbox for the help desk, with its history if asked. */
    public long startInboxMigration(long channelId, boolean history, boolean dryRun, String operator) {
        records.requireChannel(channelId);
        Properties parameters = new Properties();
        parameters.setProperty("channelId", Long.toString(channelId));
        parameters.setProperty("history", Boolean.toString(history));
        parameters.setProperty("dryRun", Boolean.toString(dryRun));
        String sourceKey = "inbox-migration:" + channelId;
        parameters.setProperty("sourceKey", sourceKey);
        return start(INBOX_MIGRATION, sourceKey, channelId, parameters, operator, null);
    }

    /** @return the run's id */
    private long start(String job, String sourceKey, long channelId, Properties parameters, String operator, Long restartOf) {
        parameters.remove("runId");
        long runId = records.newRun(job, sourceKey, channelId, write(parameters), operator, restartOf);
        try {
            records.lock(sourceKey, runId); // refuses a second run of the same source
        } catch (RuntimeException refused) {
            records.forget(runId);
            throw refused;
        }
        parameters.setProperty("runId", Long.toString(runId));
        // the run reports only its own work: what the source's progress holds now is its starting point
        records.countFrom(runId, ImportRecords.Run.progressKey(sourceKey, Boolean.parseBoolean(parameters.getProperty("dryRun")), runId));
        try {
            records.started(runId, jobs().start(job, parameters), INSTANCE);
        } catch (RuntimeException e) {
            records.unlock(sourceKey, runId);
            records.forget(runId);
            throw e;
        }
        return runId;
    }

    public void stop(long runId) {
        ImportRecords.Run run = run(runId);
        if (!INSTANCE.equals(run.instanceId())) {
            throw new IllegalStateException("Import " + runId + " is not running on this server (it died with a restart); restart or abandon it");
        }
        BatchStatus status = status(run);
        if (status != BatchStatus.STARTED && status != BatchStatus.STARTING) {
            throw new IllegalStateException("Import " + runId + " is not running (" + (run.abandoned() ? "ABANDONED" : status) + "); nothing to stop");
        }
        try {
            jobs().stop(run.executionId());
        } catch (jakarta.batch.operations.JobExecutionNotRunningException finished) {
            throw new IllegalStateException("Import " + runId + " is not running any more; nothing to stop");
        }
    }

    private ImportRecords.Run run(long runId) {
        return records.run(runId).orElseThrow(() -> new jakarta.ws.rs.NotFoundException("No import " + runId));
    }

    /**
     * Continues a stopped, failed or crashed run from where its parts got (the positions are ours,
     * so this works even when the server's batch repository was lost with a restart).
     */
    public long restart(long runId, String operator) {
        ImportRecords.Run run = run(runId);
        BatchStatus status = status(run);
        if (status == BatchStatus.STARTED || status == BatchStatus.STARTING || status == BatchStatus.STOPPING) {
            throw new IllegalStateException("Import " + runId + " is still running; stop it first");
        }
        if (run.abandoned()) {
            throw new IllegalStateException("Import " + runId + " was abandoned; start a new one");
        }
        records.unlock(run.sourceKey(), runId);
        return start(run.job(), run.sourceKey(), run.channelId(), read(run.parameters()), operator, runId);
    }

    /** Gives a run up for good; its source can be imported anew. */
    public void abandon(long runId) {
        ImportRecords.Run run = run(runId);
        if (INSTANCE.equals(run.instanceId())) {
            try {
                jobs().abandon(run.executionId());
            } catch (NoSuchJobExecutionException lost) {
                // our records are what counts
            } catch (RuntimeException running) {
                throw new IllegalStateException("Import " + runId + " is running; stop it before abandoning it");
            }
        }
        records.unlock(run.sourceKey(), runId);
        records.markAbandoned(runId);
    }

    public List<RunView> list(int limit) {
        List<ImportRecords.Run> runs = records.runs(limit);
        Map<String, List<PartView>> parts = records.parts(runs.stream().map(ImportRecords.Run::progressKey).collect(Collectors.toSet()));
        List<RunView> views = new ArrayList<>();
        for (ImportRecords.Run run : runs) {
            views.add(view(run, parts.getOrDefault(run.progressKey(), List.of())));
        }
        return views;
    }

    public RunView get(long runId) {
        ImportRecords.Run run = run(runId);
        return view(run, records.parts(List.of(run.progressKey())).getOrDefault(run.progressKey(), List.of()));
    }

    public List<SkipView> skips(long runId) {
        run(runId); // an unknown run is 404, not an empty report
        return records.skips(runId);
    }

    private RunView view(ImportRecords.Run run, List<PartView> parts) {
        JobExecution execution = execution(run);
        BatchStatus status = execution == null ? null : execution.getBatchStatus();
        Instant ended = execution != null && execution.getEndTime() != null ? execution.getEndTime().toInstant() : run.endedAt();
        String statusName = run.abandoned() ? "ABANDONED"
                : status != null ? status.name()
                : run.endStatus() != null ? run.endStatus() // ended before this server's restart: our own record says how
                : "UNKNOWN (not on this server; restart or abandon it)";
        ImportRecords.Counts from = run.baseline();
        // the source's counts now, or where they stood when this run ended (later runs add to the same source)
        ImportRecords.Counts to = run.finalCounts() != null ? run.finalCounts() : new ImportRecords.Counts(
                parts.stream().mapToLong(PartView::read).sum(), parts.stream().mapToLong(PartView::written).sum(),
                parts.stream().mapToLong(PartView::skipped).sum(), parts.stream().mapToLong(PartView::tickets).sum(),
                parts.stream().mapToLong(PartView::contacts).sum());
        long read = to.read() - from.read();
        long written = to.written() - from.written();
        long skipped = to.skipped() - from.skipped();
        long tickets = to.tickets() - from.tickets();
        long contacts = to.contacts() - from.contacts();
        Long total = parts.stream().allMatch(p -> p.total() != null) && !parts.isEmpty()
                ? Math.max(0, parts.stream().mapToLong(PartView::total).sum() - from.read()) : null;
        Instant until = ended != null ? ended : Instant.now();
        double seconds = Math.max(0.001, Duration.between(run.startedAt(), until).toMillis() / 1000.0);
        double rate = read / seconds; // this run's mails only, not those of the run it continues
        Long eta = total == null || rate <= 0 || ended != null ? null : (long) Math.ceil(Math.max(0, total - read) / rate);
        return new RunView(run.runId(), run.executionId(), run.job(), statusName, run.sourceKey(), run.channelId(), run.parameters(), run.startedBy(),
                run.startedAt(), ended, run.restartOf(), read, written, skipped, tickets, contacts, from.written(), total,
                Math.round(rate * 10) / 10.0, eta, parts);
    }

    /** The run's batch execution, or null when this server instance does not know it. */
    private static JobExecution execution(ImportRecords.Run run) {
        if (!INSTANCE.equals(run.instanceId())) {
            return null;
        }
        try {
            return jobs().getJobExecution(run.executionId());
        } catch (NoSuchJobExecutionException lost) {
            return null;
        }
    }

    private static BatchStatus status(ImportRecords.Run run) {
        JobExecution execution = execution(run);
        return execution == null ? null : execution.getBatchStatus();
    }

    static String write(Properties parameters) {
        try {
            StringWriter out = new StringWriter();
            parameters.store(out, null);
            return out.toString().lines().filter(l -> !l.startsWith("#")).reduce("", (a, b) -> a + b + "\n");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Properties read(String text) {
        try {
            Properties parameters = new Properties();
            parameters.load(new StringReader(text));
            return parameters;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
