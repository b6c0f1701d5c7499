package org.switchboard.inbound.control;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.switchboard.routing.control.Router;

/**
 * The one path every channel's inbound payloads take: journal (committed), then process (its own
 * transaction), then route a new ticket (its own transaction). Called outside any transaction.
 * Payloads arriving together share their journal and processing transactions ({@link InboundBatcher}).
 * {@link #submitAll} answers after processing (its caller reports what the payload became);
 * {@link #acceptAll} as soon as the journal has committed (a provider that wants its answer
 * fast and only needs to know nothing is lost), processing following from the journal.
 */
@ApplicationScoped
public class InboundPipeline {

    private static final Logger LOG = Logger.getLogger(InboundPipeline.class.getName());
    /** Quick retries of a processing attempt, for races on new contacts or conversations. */
    static final int IMMEDIATE_ATTEMPTS = 3;

    @Inject
    InboundJournal journal;

    @Inject
    InboundProcessor processor;

    @Inject
    Router router;

    @Inject
    InboundBatcher batcher;

    @PostConstruct
    void takeTheBacklog() {
        batcher.processLaterWith(this::processAll);
    }

    /** What became of a submitted payload. */
    public record Submission(long itemId, Processed processed) {
    }

    /**
     * Journals and processes the payload, together with others arriving at the same moment
     * ({@link InboundBatcher}); whatever the batch could not do is done here, one item alone.
     */
    public Submission submit(long channelId, String idempotencyKey, String contentType, byte[] payload) {
        return submitAll(List.of(new InboundJournal.Payload(channelId, idempotencyKey, contentType, payload))).get(0);
    }

    /**
     * As {@link #submit} for payloads that arrived together (a mailbox's new mails): they go into
     * the batches at once and share their transactions; the answers come in the same order.
     */
    public List<Submission> submitAll(List<InboundJournal.Payload> payloads) {
        List<InboundBatcher.Outcome> grouped = batcher.submitAll(payloads);
        List<Submission> submissions = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            InboundJournal.Payload payload = payloads.get(i);
            submissions.add(finish(grouped.get(i), payload.channelId(), payload.idempotencyKey(), payload.contentType(), payload.bytes()));
        }
        return submissions;
    }

    /**
     * Journals the payloads (with others arriving at the same moment) and returns their item ids
     * once that has committed; they are processed and routed right after, in batches, on the
     * pipeline's own thread. A payload the batch could not journal is journaled and processed here.
     */
    public List<Long> acceptAll(List<InboundJournal.Payload> payloads) {
        List<InboundBatcher.Outcome> journaled = batcher.journalAll(payloads);
        List<Long> itemIds = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            InboundJournal.Payload payload = payloads.get(i);
            InboundBatcher.Outcome outcome = journaled.get(i);
            itemIds.add(outcome.itemId() != null ? outcome.itemId()
                    : finish(outcome, payload.channelId(), payload.idempotencyKey(), payload.contentType(), payload.bytes()).itemId());
        }
        return itemIds;
    }

    /** Journaled items processed together, routed after; if their transaction fails, each is processed alone. */
    void processAll(List<Long> itemIds) {
        List<Processed> processed;
        try {
            processed = processor.processAll(itemIds);
        } catch (RuntimeException failed) {
            LOG.log(Level.FINE, "Processing " + itemIds.size() + " journaled items together failed; each is processed on its own", failed);
            itemIds.forEach(this::process);
            return;
        }
        processed.forEach(this::route);
    }

    private Submission finish(InboundBatcher.Outcome grouped, long channelId, String idempotencyKey, String contentType, byte[] payload) {
        long itemId = grouped.itemId() != null ? grouped.itemId() : journalAlone(channelId, idempotencyKey, contentType, payload);
        Processed processed = grouped.processed();
        if (processed == null) {
            return new Submission(itemId, process(itemId));
        }
        route(processed);
        return new Submission(itemId, processed);
    }

    private long journalAlone(long channelId, String idempotencyKey, String contentType, byte[] payload) {
        Long itemId = journal.find(channelId, idempotencyKey).orElse(null);
        if (itemId == null) {
            try {
                itemId = journal.store(channelId, idempotencyKey, contentType, payload);
            } catch (RuntimeException raced) {
                // another request stored the same key between our look-up and insert
                itemId = journal.find(channelId, idempotencyKey).orElseThrow(() -> raced);
            }
        }
        return itemId;
    }

    /** One processing attempt with quick retries; a failure is recorded on the item for the scheduler. */
    public Processed process(long itemId) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= IMMEDIATE_ATTEMPTS; attempt++) {
            try {
                Processed processed = processor.process(itemId);
                route(processed);
                return processed;
            } catch (RuntimeException e) {
                last = e;
                pause(attempt);
            }
        }
        LOG.log(Level.WARNING, "Inbound item " + itemId + " failed; it will be retried", last);
        return processor.recordFailure(itemId, describe(last));
    }

    private void route(Processed processed) {
        if (processed.result() != null && processed.result().needsRouting()) {
            router.route(processed.result().ticketId());
        }
    }

    /** Processes items whose retry time has come; returns how many were looked at. */
    public int processDue(int limit) {
        List<Long> due = processor.due(limit);
        due.forEach(this::process);
        return due.size();
    }

    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(10L * attempt + (long) (Math.random() * 20));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
