package org.switchboard.outbound.control;

import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.switchboard.conversations.entity.ReplyQueued;
import org.switchboard.platform.concurrent.Background;

/**
 * Runs attempts: right after a reply commits, and from the schedule for retries and for messages
 * whose sender died mid-attempt. Each attempt is claim (own transaction) → send (no transaction)
 * → record (own transaction). A crash between the provider's acceptance and the record leaves the
 * message due again after the claim times out; senders keep what makes a retry recognisable
 * (email's Message-ID, a webhook's delivery id) from the first attempt on.
 */
@ApplicationScoped
public class OutboundDelivery {

    private static final Logger LOG = Logger.getLogger(OutboundDelivery.class.getName());

    @Inject
    OutboundQueue queue;

    @Inject
    Background background;

    void onReplyQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReplyQueued queued) {
        background.execute(() -> deliver(queued.messageId()));
    }

    /** Sends what is due; returns how many were looked at. */
    public int sendDue(int limit) {
        List<Long> due = queue.due(limit);
        due.forEach(this::deliver);
        return due.size();
    }

    public void deliver(long messageId) {
        Optional<OutboundQueue.Claimed> claimed;
        try {
            claimed = queue.claim(messageId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Message " + messageId + " could not be prepared for sending", e);
            return;
        }
        if (claimed.isEmpty()) {
            return;
        }
        SendOutcome outcome;
        try {
            outcome = claimed.get().attempt().send();
        } catch (RuntimeException e) {
            outcome = SendOutcome.retry(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        if (outcome instanceof SendOutcome.Waiting) {
            LOG.log(Level.FINE, "Message {0} waits: {1}", new Object[]{messageId, outcome}); // paced or paused: expected, not a failure
        } else if (!(outcome instanceof SendOutcome.Sent)) {
            LOG.warning("Message " + messageId + " not sent: " + outcome);
        }
        queue.record(messageId, outcome);
    }
}
