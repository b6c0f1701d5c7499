package org.switchboard.imports.control;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.switchboard.channels.email.control.EmailConnector;
import org.switchboard.channels.email.control.EmailAccountJson;
import org.switchboard.channels.entity.Channel;
import org.switchboard.imports.control.ImportDtos.PartView;
import org.switchboard.imports.control.ImportDtos.SkipView;
import org.switchboard.imports.entity.ImportLock;
import org.switchboard.imports.entity.ImportProgress;
import org.switchboard.imports.entity.ImportRun;
import org.switchboard.imports.entity.ImportSkip;

/**
 * The application's own records of imports: runs, locks, progress of parts, skipped mails. Each
 * call is its own transaction. A run has an id of its own: batch execution ids start over when the
 * server's job repository does not survive a restart.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class ImportRecords {

    @PersistenceContext
    EntityManager em;

    @Inject
    DryRunMemory memory;

    /** One run as recorded at its start; {@code instanceId} is the server instance whose batch runtime knows {@code executionId}. */
    public record Run(long runId, long executionId, String instanceId, String job, String sourceKey, long channelId, String parameters,
                      String startedBy, Instant startedAt, Long restartOf, boolean abandoned, Counts baseline, Counts finalCounts,
                      String endStatus, Instant endedAt) {

        public boolean dryRun() {
            return Boolean.parseBoolean(ImportService.read(parameters).getProperty("dryRun"));
        }

        /** Dry runs count apart, so they never move a real import's positions. */
        public String progressKey() {
            return progressKey(sourceKey, dryRun(), runId);
        }

        public static String progressKey(String sourceKey, boolean dryRun, long runId) {
            return dryRun ? "dry-run/" + runId : sourceKey;
        }
    }

    /** Counts of a source's progress: read, written, skipped, tickets, contacts. */
    public record Counts(long read, long written, long skipped, long tickets, long contacts) {
        static Counts of(long[] values) {
            return new Counts(values[0], values[1], values[2], values[3], values[4]);
        }
    }

    public void requireChannel(long channelId) {
        if (em.find(Channel.class, channelId) == null) {
            throw new IllegalArgumentException("channelId: no channel " + channelId);
        }
    }

    public void requireImportableChannel(long channelId, boolean needsImap) {
        Channel channel = em.find(Channel.class, channelId);
        if (channel == null) {
            throw new IllegalArgumentException("channelId: no channel " + channelId);
        }
        if (!EmailConnector.KIND.equals(channel.getType())) {
            throw new IllegalArgumentException("channelId: " + channel.getName() + " is not a team email channel");
        }
        var account = EmailAccountJson.read(channel.getTypeSettings());
        if (needsImap && (account == null || !account.kind().fetches())) {
            throw new IllegalArgumentException("channelId: connect the channel's IMAP account first, or import an archive");
        }
    }

    /** Records a run before its job starts, so the job can be given the run's id. */
    public long newRun(String job, String sourceKey, long channelId, String parameters, String operator, Long restartOf) {
        ImportRun run = new ImportRun(job, sourceKey, channelId, parameters, operator, restartOf);
        em.persist(run);
        em.flush();
        return run.getId();
    }

    /** @throws IllegalStateException when an import of the source runs (or crashed without being restarted or abandoned) */
    public void lock(String sourceKey, long runId) {
        ImportLock held = em.find(ImportLock.class, sourceKey);
        if (held != null) {
            throw new IllegalStateException("An import of this source is already running (run " + held.getRunId()
                    + "); wait for it, or stop and restart or abandon it");
        }
        try {
            em.persist(new ImportLock(sourceKey, runId));
            em.flush();
        } catch (PersistenceException raced) {
            throw new IllegalStateException("An import of this source was started at the same moment; only one runs");
        }
    }

    /** Releases the lock if the given run holds it. */
    public void unlock(String sourceKey, long runId) {
        em.createQuery("DELETE FROM ImportLock l WHERE l.sourceKey = :key AND l.runId = :run")
                .setParameter("key", sourceKey).setParameter("run", runId).executeUpdate();
    }

    /**
     * Notes what the source's progress holds before the run's job starts (nothing for a dry run: its
     * counts start at zero); earlier runs of the source that never recorded an end (crashed) stop counting here.
     */
    public void countFrom(long runId, String progressKey) {
        long[] now = sums(progressKey);
        ImportRun started = em.find(ImportRun.class, runId);
        started.countFrom(now[0], now[1], now[2], now[3], now[4]);
        em.createQuery("SELECT r FROM ImportRun r WHERE r.sourceKey = :key AND r.id <> :run", ImportRun.class)
                .setParameter("key", started.getSourceKey()).setParameter("run", runId).getResultStream()
                .filter(r -> progressKey(r).equals(progressKey))
                .forEach(r -> r.countUntil(now[0], now[1], now[2], now[3], now[4]));
    }

    /** How the run's job ended, as the job's end listener saw it; its counts end here too. */
    public void ended(long runId, String status) {
        ImportRun run = em.find(ImportRun.class, runId);
        if (run != null) {
            run.ended(status, Instant.now());
            long[] now = sums(progressKey(run));
            run.countUntil(now[0], now[1], now[2], now[3], now[4]);
        }
    }

    private static String progressKey(ImportRun run) {
        return Run.progressKey(run.getSourceKey(), Boolean.parseBoolean(ImportService.read(run.getParameters()).getProperty("dryRun")), run.getId());
    }

    private long[] sums(String progressKey) {
        Object[] sums = em.createQuery("SELECT COALESCE(SUM(p.read), 0), COALESCE(SUM(p.written), 0), COALESCE(SUM(p.skipped), 0),"
                + " COALESCE(SUM(p.tickets), 0), COALESCE(SUM(p.contacts), 0) FROM ImportProgress p WHERE p.sourceKey = :key", Object[].class)
                .setParameter("key", progressKey).getSingleResult();
        long[] values = new long[5];
        for (int i = 0; i < 5; i++) {
            values[i] = ((Number) sums[i]).longValue();
        }
        return values;
    }

    public void forgetDryRun(long runId) {
        memory.forget(runId);
    }

    public void started(long runId, long executionId, String instanceId) {
        em.find(ImportRun.class, runId).started(executionId, instanceId);
    }

    /** A run whose job never started (the start failed): nothing to show. */
    public void forget(long runId) {
        ImportRun run = em.find(ImportRun.class, runId);
        if (run != null) {
            em.remove(run);
        }
    }

    public void markAbandoned(long runId) {
        em.find(ImportRun.class, runId).abandon();
        memory.forget(runId);
    }

    /**
     * When the import this run belongs to began: the start of the first run of its chain of restarts
     * (a restart resumes the work of the runs before it, whose rows are part of the same import).
     */
    public Instant importBegan(long runId) {
        ImportRun run = em.find(ImportRun.class, runId);
        Instant began = run.getStartedAt();
        for (int hops = 0; run.getRestartOf() != null && hops < 1_000; hops++) {
            run = em.find(ImportRun.class, run.getRestartOf());
            if (run == null) {
                break;
            }
            began = run.getStartedAt().isBefore(began) ? run.getStartedAt() : began;
        }
        return began;
    }

    public Optional<Run> run(long runId) {
        return runs("WHERE r.id = " + runId, 1).stream().findFirst();
    }

    public List<Run> runs(int limit) {
        return runs("", limit);
    }

    private List<Run> runs(String where, int limit) {
        return em.createQuery("SELECT r FROM ImportRun r " + where + " ORDER BY r.id DESC", ImportRun.class).setMaxResults(limit)
                .getResultStream().map(r -> new Run(r.getId(), r.getExecutionId(), r.getInstanceId(), r.getJob(), r.getSourceKey(),
                        r.getChannelId(), r.getParameters(), r.getStartedBy(), r.getStartedAt(), r.getRestartOf(), r.isAbandoned(),
                        Counts.of(r.getBaseline()), r.getFinalCounts() == null ? null : Counts.of(r.getFinalCounts()),
                        r.getEndStatus(), r.getEndedAt())).toList();
    }

    /** The parts of several runs' progress keys, in one query. */
    public Map<String, List<PartView>> parts(Collection<String> progressKeys) {
        if (progressKeys.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("SELECT p FROM ImportProgress p WHERE p.sourceKey IN :keys ORDER BY p.part", ImportProgress.class)
                .setParameter("keys", progressKeys).getResultStream()
                .collect(Collectors.groupingBy(ImportProgress::getSourceKey, Collectors.mapping(p -> new PartView(p.getPart(), p.getTotal(),
                        p.getRead(), p.getWritten(), p.getSkipped(), p.getTickets(), p.getContacts(), p.isDone(), p.getResumeAfter()),
                        Collectors.toList())));
    }

    public List<SkipView> skips(long runId) {
        return em.createQuery("SELECT s FROM ImportSkip s WHERE s.runId = :run ORDER BY s.id", ImportSkip.class)
                .setParameter("run", runId).getResultStream()
                .map(s -> new SkipView(s.getSourcePart(), s.getPosition(), s.getReason(), s.getCreatedAt())).toList();
    }

    // ---- used by the batch artifacts -----------------------------------------------------------

    /** Where a part resumes; creates its progress row, and notes the part's size when first known. */
    public String resumeAfter(String progressKey, String part, Long remaining) {
        ImportProgress progress = em.find(ImportProgress.class, new ImportProgress.Key(progressKey, part), LockModeType.PESSIMISTIC_WRITE);
        if (progress == null) {
            progress = new ImportProgress(progressKey, part);
            em.persist(progress);
        }
        progress.startOver();
        progress.knowTotal(remaining);
        return progress.getResumeAfter();
    }

    public void partDone(String progressKey, String part) {
        ImportProgress progress = em.find(ImportProgress.class, new ImportProgress.Key(progressKey, part), LockModeType.PESSIMISTIC_WRITE);
        if (progress != null) {
            progress.finish();
        }
    }

    public void skipped(long runId, String progressKey, String part, String position, String reason) {
        em.persist(new ImportSkip(runId, part, position, reason));
        ImportProgress progress = em.find(ImportProgress.class, new ImportProgress.Key(progressKey, part), LockModeType.PESSIMISTIC_WRITE);
        if (progress != null) {
            progress.skippedOne();
        }
    }

    /** Counts of a dry-run chunk (its data was rolled back). */
    public void dryRunChunk(long runId, String progressKey, String part, String resumeAfter, int read, ImportWriter.Written written) {
        ImportProgress progress = em.find(ImportProgress.class, new ImportProgress.Key(progressKey, part), LockModeType.PESSIMISTIC_WRITE);
        if (progress == null) {
            progress = new ImportProgress(progressKey, part);
            em.persist(progress);
        }
        progress.advance(resumeAfter, read, written.messages(), written.skipped(), written.tickets(), written.contacts());
        written.skips().forEach(em::persist); // the dry run's report lists what it would skip, and why
        memory.remember(runId, written.made(), written.createdContacts()); // with the counts: a restarted dry run recalls exactly these
    }
}
