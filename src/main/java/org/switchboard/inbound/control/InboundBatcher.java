package org.switchboard.inbound.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.switchboard.inbound.control.InboundJournal.Payload;
import org.switchboard.platform.concurrent.Background;
import org.switchboard.platform.persistence.TableStatistics;

/**
 * Group commit for inbound payloads: payloads that arrive while a batch is being written wait
 * for the next one, and each batch is journaled in one transaction and processed in one more. N
 * concurrent requests then cost two commits and a few batched statements instead of 2N commits
 * and some twenty statements each. A caller of {@link #submitAll} waits for its payloads'
 * processing, so its answer carries what they became; a caller of {@link #journalAll} only for
 * the journal's commit: its items go to a backlog that one thread of its own processes in
 * batches as large as the backlog allows, handing each batch to the pipeline
 * ({@link #processLaterWith}). Best effort: whatever a batch could not do (a transaction failed,
 * the caller waited too long, the backlog was full) the caller or the retry schedule does alone,
 * which is safe because journaling and processing are idempotent.
 */
@ApplicationScoped
public class InboundBatcher {

    private static final Logger LOG = Logger.getLogger(InboundBatcher.class.getName());
    /** Large enough to carry every concurrent request, small enough to keep one batch's transaction short. */
    static final int MAX_BATCH = 64;
    static final int WORKERS = 2;
    static final long WAIT_SECONDS = 30;
    /** Journaled items waiting for processing on this instance; beyond it they are left to the retry schedule. */
    static final int MAX_BACKLOG = 20_000;
    /** Larger than a request batch: the backlog is worked off at the rate of whole batches. */
    static final int MAX_LATER_BATCH = 200;

    /** What the batch did for one payload: its item (null if not journaled) and its processing (null if not processed). */
    public record Outcome(Long itemId, Processed processed) {
        static final Outcome NOTHING = new Outcome(null, null);
    }

    private record Waiting(Payload payload, boolean processLater, CompletableFuture<Outcome> outcome) {
    }

    /**
     * What a batch writes (or, for items processed later, is about to) and looks rows up in by
     * IN-lists; a fresh installation fills them in its first minutes.
     */
    private static final List<String> WRITTEN_TABLES = List.of("inbound_items", "contacts", "contact_emails", "contact_phones",
            "tickets", "conversations", "messages");

    @Inject
    TableStatistics statistics;

    @Inject
    InboundJournal journal;

    @Inject
    InboundProcessor processor;

    @Inject
    Background background;

    private final LinkedBlockingQueue<Waiting> queue = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<Long> backlog = new LinkedBlockingQueue<>(MAX_BACKLOG);
    private final List<Thread> workers = new ArrayList<>();
    private volatile Consumer<List<Long>> laterProcessing;
    private volatile boolean stopped;

    /** Who processes journaled items of {@link #journalAll} (the pipeline: process, route, retry what failed). */
    public void processLaterWith(Consumer<List<Long>> processing) {
        this.laterProcessing = processing;
    }

    /** Hands the payload to the next batch and waits for what it did; {@link Outcome#NOTHING} if it did nothing in time. */
    public Outcome submit(Payload payload) {
        return submitAll(List.of(payload)).get(0);
    }

    /**
     * Hands payloads that arrived together (a mailbox's new mails, say) to the next batches at
     * once, so they share its transactions instead of taking turns, and waits for all of them.
     */
    public List<Outcome> submitAll(List<Payload> payloads) {
        return enqueue(payloads, false);
    }

    /**
     * Journals the payloads with the next batch and waits only for that commit; they are processed
     * after, from the backlog. An outcome without an item id was not journaled in time: the caller
     * journals and processes it alone.
     */
    public List<Outcome> journalAll(List<Payload> payloads) {
        if (laterProcessing == null) {
            throw new IllegalStateException("No one processes the backlog");
        }
        return enqueue(payloads, true);
    }

    private List<Outcome> enqueue(List<Payload> payloads, boolean processLater) {
        if (stopped) {
            return payloads.stream().map(p -> Outcome.NOTHING).toList();
        }
        startWorkers();
        List<Waiting> waiting = payloads.stream().map(p -> new Waiting(p, processLater, new CompletableFuture<Outcome>())).toList();
        queue.addAll(waiting);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        List<Outcome> outcomes = new ArrayList<>(waiting.size());
        for (Waiting w : waiting) {
            outcomes.add(await(w, deadline));
        }
        return outcomes;
    }

    private static Outcome await(Waiting waiting, long deadline) {
        try {
            return waiting.outcome().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.NOTHING;
        } catch (ExecutionException | TimeoutException e) {
            return Outcome.NOTHING;
        }
    }

    private synchronized void startWorkers() {
        if (workers.isEmpty() && !stopped) {
            for (int i = 1; i <= WORKERS; i++) {
                Thread worker = background.newThread(this::work, "inbound batch writer " + i);
                workers.add(worker);
                worker.start();
            }
            Thread later = background.newThread(this::workOffBacklog, "inbound backlog processor");
            workers.add(later);
            later.start();
        }
    }

    /** Waits for the first element, then takes whatever else is waiting, up to {@code max}; null when interrupted. */
    private static <T> List<T> nextBatch(LinkedBlockingQueue<T> from, int max) {
        List<T> batch = new ArrayList<>();
        try {
            batch.add(from.take());
        } catch (InterruptedException e) {
            return null;
        }
        from.drainTo(batch, max - 1);
        return batch;
    }

    private void workOffBacklog() {
        for (List<Long> batch; !stopped && (batch = nextBatch(backlog, MAX_LATER_BATCH)) != null; ) {
            List<Long> distinct = new ArrayList<>(new LinkedHashSet<>(batch));
            try {
                laterProcessing.accept(distinct);
            } catch (RuntimeException unexpected) {
                LOG.log(Level.WARNING, "Processing " + distinct.size() + " journaled items failed; the retry schedule takes them", unexpected);
            }
        }
    }

    private void work() {
        for (List<Waiting> batch; !stopped && (batch = nextBatch(queue, MAX_BATCH)) != null; ) {
            try {
                write(batch);
            } catch (RuntimeException unexpected) {
                LOG.log(Level.WARNING, "An inbound batch of " + batch.size() + " failed; each is written on its own", unexpected);
            } finally {
                batch.forEach(w -> w.outcome().complete(Outcome.NOTHING)); // no effect on those already answered
            }
        }
    }

    private void write(List<Waiting> batch) {
        List<Long> itemIds;
        try {
            itemIds = journal.storeAll(batch.stream().map(Waiting::payload).toList());
        } catch (RuntimeException failed) {
            LOG.log(Level.FINE, "Journaling a batch failed (a concurrent store of a key); each is journaled on its own", failed);
            return;
        }
        List<Long> now = answerThoseProcessedLater(batch, itemIds);
        if (!now.isEmpty()) {
            processNow(batch, itemIds, now);
        }
        statistics.wrote(batch.size(), WRITTEN_TABLES); // answered first: a refresh, when due, delays no one's answer
    }

    /** Answers those that wait only for the journal and puts their items in the backlog; returns the others' items. */
    private List<Long> answerThoseProcessedLater(List<Waiting> batch, List<Long> itemIds) {
        List<Long> now = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            if (batch.get(i).processLater()) {
                if (!backlog.offer(itemIds.get(i))) {
                    LOG.fine("The inbound backlog is full; the retry schedule processes item " + itemIds.get(i));
                }
                batch.get(i).outcome().complete(new Outcome(itemIds.get(i), null));
            } else {
                now.add(itemIds.get(i));
            }
        }
        return now;
    }

    private void processNow(List<Waiting> batch, List<Long> itemIds, List<Long> now) {
        Map<Long, Processed> processed = new HashMap<>();
        try {
            List<Long> distinct = new ArrayList<>(new LinkedHashSet<>(now));
            List<Processed> results = processor.processAll(distinct);
            for (int i = 0; i < distinct.size(); i++) {
                processed.put(distinct.get(i), results.get(i));
            }
        } catch (RuntimeException failed) {
            LOG.log(Level.FINE, "Processing a batch failed; each is processed on its own", failed);
        }
        Set<Long> answered = new HashSet<>();
        for (int i = 0; i < batch.size(); i++) {
            if (batch.get(i).processLater()) {
                continue;
            }
            Long itemId = itemIds.get(i);
            Processed outcome = processed.get(itemId);
            if (!answered.add(itemId) && outcome != null && outcome.result() != null) {
                // the same payload twice in one batch: only the first request made something
                outcome = new Processed(itemId, outcome.state(), outcome.result().asRepeat(), outcome.error());
            }
            batch.get(i).outcome().complete(new Outcome(itemId, outcome));
        }
    }

    @PreDestroy
    synchronized void stop() {
        stopped = true;
        workers.forEach(Thread::interrupt);
        queue.forEach(w -> w.outcome().complete(Outcome.NOTHING));
    }
}
