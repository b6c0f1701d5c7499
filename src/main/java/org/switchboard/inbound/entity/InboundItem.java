package org.switchboard.inbound.entity;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.switchboard.channels.entity.Channel;
import org.switchboard.platform.persistence.Checks;

/**
 * A raw inbound payload (an email, a webhook body, a chat message, a form post) as it arrived.
 * The idempotency key is unique per channel, so a redelivered payload is recognised.
 */
@Entity
@Table(name = "inbound_items")
public class InboundItem {

    public static final int ERROR_MAX = 2000;
    /**
     * The receiver processes an item at once; the retry scheduler only picks up items older than
     * this, i.e. ones whose receiver failed or died, so the two rarely contend for the same item.
     */
    public static final Duration RECEIVER_GRACE = Duration.ofSeconds(15);

    @Id
    @SequenceGenerator(name = "inbound_items_seq", sequenceName = "inbound_items_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "inbound_items_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "channel_id")
    private Channel channel;

    @Column(name = "idempotency_key")
    private String idempotencyKey;

    @Column(name = "content_type")
    private String contentType;

    /** Loaded with the item: processing always needs it, and lists use projections without it. */
    private byte[] payload;

    @Column(name = "received_at")
    private Instant receivedAt;

    @Enumerated(EnumType.STRING)
    private InboundState state = InboundState.PENDING;

    private int attempts;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "processed_at")
    private Instant processedAt;

    private String outcome;

    @Version
    private long version;

    protected InboundItem() {
    }

    public InboundItem(Channel channel, String idempotencyKey, String contentType, byte[] payload) {
        this.channel = Checks.require(channel, "Channel");
        this.idempotencyKey = Checks.requireText(idempotencyKey, "Idempotency key", 500);
        this.contentType = Checks.requireText(contentType, "Content type", 255);
        this.payload = Checks.require(payload, "Payload");
        this.receivedAt = Instant.now();
        this.nextAttemptAt = receivedAt.plus(RECEIVER_GRACE);
    }

    public void markProcessed() {
        requirePending();
        this.state = InboundState.PROCESSED;
        this.processedAt = Instant.now();
        this.lastError = null;
        this.nextAttemptAt = null;
    }

    /** Processed without becoming a message, for the reason given (e.g. automatic mail that answers nothing of ours). */
    public void markProcessed(String withoutMessage) {
        markProcessed();
        this.outcome = truncate(withoutMessage);
    }

    /**
     * Records a failed attempt: retried after {@code backoff}, or quarantined once
     * {@code maxAttempts} is reached.
     */
    public void recordFailure(String error, int maxAttempts, Duration backoff) {
        requirePending();
        this.attempts++;
        this.lastError = truncate(error);
        if (attempts >= maxAttempts) {
            quarantine(lastError);
        } else {
            this.nextAttemptAt = Instant.now().plus(backoff);
        }
    }

    /** Parks the item for an admin: it cannot succeed as it is (malformed, unknown format). */
    public void quarantine(String reason) {
        this.state = InboundState.QUARANTINED;
        this.lastError = truncate(reason);
        this.nextAttemptAt = null;
    }

    /** An admin asks for another try. */
    public void requeue() {
        if (state == InboundState.PROCESSED) {
            throw new IllegalStateException("Item " + id + " is already processed");
        }
        this.state = InboundState.PENDING;
        this.attempts = 0;
        this.nextAttemptAt = Instant.now();
    }

    private void requirePending() {
        if (state != InboundState.PENDING) {
            throw new IllegalStateException("Item " + id + " is " + state + ", not PENDING");
        }
    }

    private static String truncate(String text) {
        String value = text == null || text.isBlank() ? "unknown error" : text;
        return value.length() > ERROR_MAX ? value.substring(0, ERROR_MAX) : value;
    }

    public Long getId() {
        return id;
    }

    public Channel getChannel() {
        return channel;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public String getContentType() {
        return contentType;
    }

    public byte[] getPayload() {
        return payload;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public InboundState getState() {
        return state;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getLastError() {
        return lastError;
    }

    /** What processing made of an item that became no message (e.g. automatic mail with no thread); null otherwise. */
    public String getOutcome() {
        return outcome;
    }

    public Instant getProcessedAt() {
        return processedAt;
    }
}
