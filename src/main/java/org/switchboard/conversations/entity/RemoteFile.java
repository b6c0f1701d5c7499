package org.switchboard.conversations.entity;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.switchboard.channels.entity.Channel;
import org.switchboard.platform.persistence.Checks;

/**
 * A file a message names but does not carry — a WhatsApp image is a media id at Meta — waiting to be
 * fetched by its channel kind into an attachment of the message. PENDING until fetched (FETCHED) or
 * given up (FAILED, with the reason).
 */
@Entity
@Table(name = "remote_files")
public class RemoteFile {

    public static final String PENDING = "PENDING";
    public static final String FETCHED = "FETCHED";
    public static final String FAILED = "FAILED";

    @Id
    @SequenceGenerator(name = "remote_files_seq", sequenceName = "remote_files_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "remote_files_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "message_id")
    private Message message;

    @ManyToOne(optional = false)
    @JoinColumn(name = "channel_id")
    private Channel channel;

    private String reference;

    private String filename;

    @Column(name = "content_type")
    private String contentType;

    private String state;

    private int attempts;

    @Column(name = "next_at")
    private Instant nextAt;

    @Column(name = "last_error")
    private String lastError;

    protected RemoteFile() {
    }

    /** @param reference what the channel kind fetches it by (a media id, a URL) */
    public RemoteFile(Message message, String reference, String filename, String contentType) {
        this.message = Checks.require(message, "Message");
        this.channel = Checks.require(message.getChannel(), "Channel");
        this.reference = Checks.requireText(reference, "Reference", 1000);
        this.filename = Checks.optionalText(filename, "File name", 255);
        this.contentType = Checks.optionalText(contentType, "Content type", 255);
        this.state = PENDING;
        this.nextAt = Instant.now();
    }

    public void fetched() {
        this.state = FETCHED;
        this.nextAt = null;
        this.lastError = null;
    }

    /** A failed fetch: tried again after {@code backoff}, or given up after {@code maxAttempts}; answers whether it gave up. */
    public boolean failed(String reason, int maxAttempts, Duration backoff) {
        this.attempts++;
        this.lastError = reason == null ? null : reason.length() > 500 ? reason.substring(0, 500) : reason;
        if (attempts >= maxAttempts) {
            this.state = FAILED;
            this.nextAt = null;
            return true;
        }
        this.nextAt = Instant.now().plus(backoff);
        return false;
    }

    public Long getId() {
        return id;
    }

    public Message getMessage() {
        return message;
    }

    public Channel getChannel() {
        return channel;
    }

    public String getReference() {
        return reference;
    }

    public String getFilename() {
        return filename;
    }

    public String getContentType() {
        return contentType;
    }

    public String getState() {
        return state;
    }

    public int getAttempts() {
        return attempts;
    }
}
