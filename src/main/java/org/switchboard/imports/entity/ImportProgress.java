package org.switchboard.imports.entity;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * How far the import of one part (folder, archive) of a source got, counted as it went. Updated
 * in the transaction that writes the part's messages, so a restart resumes exactly after the
 * last chunk that was written.
 */
@Entity
@Table(name = "import_progress")
@IdClass(ImportProgress.Key.class)
public class ImportProgress {

    @Id
    @Column(name = "source_key")
    private String sourceKey;

    @Id
    private String part;

    @Column(name = "resume_after")
    private String resumeAfter;

    private Long total;

    @Column(name = "read_count")
    private long read;

    private long written;

    private long skipped;

    private long tickets;

    private long contacts;

    private boolean done;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected ImportProgress() {
    }

    public ImportProgress(String sourceKey, String part) {
        this.sourceKey = sourceKey;
        this.part = part;
        this.updatedAt = Instant.now();
    }

    /** A chunk was written: it read {@code read} mails, of which {@code written} became messages. */
    public void advance(String newResumeAfter, int read, int written, int skipped, int tickets, long contacts) {
        this.resumeAfter = newResumeAfter;
        this.read += read;
        this.written += written;
        this.skipped += skipped;
        this.tickets += tickets;
        this.contacts += contacts;
        this.updatedAt = Instant.now();
    }

    /** Mails the processor refused (unreadable), counted apart from chunks. */
    public void skippedOne() {
        this.skipped++;
        this.read++;
        this.updatedAt = Instant.now();
    }

    public void knowTotal(Long mails) {
        if (mails != null && total == null) {
            this.total = mails + read;
        }
    }

    public void finish() {
        this.done = true;
        this.updatedAt = Instant.now();
    }

    public void startOver() {
        this.done = false;
        this.updatedAt = Instant.now();
    }

    public String getSourceKey() {
        return sourceKey;
    }

    public String getPart() {
        return part;
    }

    public String getResumeAfter() {
        return resumeAfter;
    }

    public Long getTotal() {
        return total;
    }

    public long getRead() {
        return read;
    }

    public long getWritten() {
        return written;
    }

    public long getSkipped() {
        return skipped;
    }

    public long getTickets() {
        return tickets;
    }

    public long getContacts() {
        return contacts;
    }

    public boolean isDone() {
        return done;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    /** The composite key: source and part. */
    public static class Key implements Serializable {
        private String sourceKey;
        private String part;

        public Key() {
        }

        public Key(String sourceKey, String part) {
            this.sourceKey = sourceKey;
            this.part = part;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(sourceKey, key.sourceKey) && Objects.equals(part, key.part);
        }

        @Override
        public int hashCode() {
            return Objects.hash(sourceKey, part);
        }
    }
}
