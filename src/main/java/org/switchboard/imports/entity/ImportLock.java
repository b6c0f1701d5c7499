package org.switchboard.imports.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Held while an import of a source runs: a second start for the same source fails on the key. */
@Entity
@Table(name = "import_locks")
public class ImportLock {

    @Id
    @Column(name = "source_key")
    private String sourceKey;

    @Column(name = "run_id")
    private long runId;

    @Column(name = "locked_at")
    private Instant lockedAt;

    protected ImportLock() {
    }

    public ImportLock(String sourceKey, long runId) {
        this.sourceKey = sourceKey;
        this.runId = runId;
        this.lockedAt = Instant.now();
    }

    public String getSourceKey() {
        return sourceKey;
    }

    public long getRunId() {
        return runId;
    }

    public Instant getLockedAt() {
        return lockedAt;
    }
}
