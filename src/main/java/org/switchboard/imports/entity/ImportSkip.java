package org.switchboard.imports.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A message an import could not take in, and why; the execution's report lists these. */
@Entity
@Table(name = "import_skips")
public class ImportSkip {

    @Id
    @SequenceGenerator(name = "import_skips_seq", sequenceName = "import_skips_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "import_skips_seq")
    private Long id;

    @Column(name = "run_id")
    private long runId;

    @Column(name = "source_part")
    private String sourcePart;

    private String position;

    private String reason;

    @Column(name = "created_at")
    private Instant createdAt;

    protected ImportSkip() {
    }

    public ImportSkip(long runId, String sourcePart, String position, String reason) {
        this.runId = runId;
        this.sourcePart = cut(sourcePart, 300);
        this.position = cut(position, 300);
        this.reason = cut(reason == null || reason.isBlank() ? "unknown reason" : reason, 2000);
        this.createdAt = Instant.now();
    }

    private static String cut(String value, int max) {
        return value.length() > max ? value.substring(0, max) : value;
    }

    public Long getId() {
        return id;
    }

    public long getRunId() {
        return runId;
    }

    public String getSourcePart() {
        return sourcePart;
    }

    public String getPosition() {
        return position;
    }

    public String getReason() {
        return reason;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
