package org.switchboard.imports.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * One import run as started: the parameters to restart it with, and which server instance's batch
 * runtime knows its execution id (execution ids start over when that runtime's repository does not
 * survive a restart, so the run has an id of its own).
 */
@Entity
@Table(name = "import_runs")
public class ImportRun {

    @Id
    @Column(name = "run_id")
    @SequenceGenerator(name = "import_runs_seq", sequenceName = "import_runs_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "import_runs_seq")
    private Long id;

    @Column(name = "execution_id")
    private long executionId;

    @Column(name = "instance_id")
    private String instanceId;

    @Column(name = "job_name")
    private String job;

    @Column(name = "source_key")
    private String sourceKey;

    @Column(name = "channel_id")
    private long channelId;

    private String parameters;

    @Column(name = "started_by")
    private String startedBy;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "restart_of")
    private Long restartOf;

    private boolean abandoned;

    /** The source's counts when this run started: the run's own work is what was added since. */
    @Column(name = "base_read")
    private long baseRead;

    @Column(name = "base_written")
    private long baseWritten;

    @Column(name = "base_skipped")
    private long baseSkipped;

    @Column(name = "base_tickets")
    private long baseTickets;

    @Column(name = "base_contacts")
    private long baseContacts;

    /** The source's counts when the run ended (null while it goes): its own work is final minus base. */
    @Column(name = "final_read")
    private Long finalRead;

    @Column(name = "final_written")
    private Long finalWritten;

    @Column(name = "final_skipped")
    private Long finalSkipped;

    @Column(name = "final_tickets")
    private Long finalTickets;

    @Column(name = "final_contacts")
    private Long finalContacts;

    /** How the job ended, recorded by the application: it outlives the batch runtime's memory of the execution. */
    @Column(name = "end_status")
    private String endStatus;

    @Column(name = "ended_at")
    private Instant endedAt;

    protected ImportRun() {
    }

    public ImportRun(String job, String sourceKey, long channelId, String parameters, String startedBy, Long restartOf) {
        this.job = job;
        this.sourceKey = sourceKey;
        this.channelId = channelId;
        this.parameters = parameters;
        this.startedBy = startedBy;
        this.restartOf = restartOf;
        this.startedAt = Instant.now();
        this.instanceId = "";
    }

    public void started(long batchExecutionId, String onInstance) {
        this.executionId = batchExecutionId;
        this.instanceId = onInstance;
        this.startedAt = Instant.now();
    }

    public void countFrom(long read, long written, long skipped, long tickets, long contacts) {
        this.baseRead = read;
        this.baseWritten = written;
        this.baseSkipped = skipped;
        this.baseTickets = tickets;
        this.baseContacts = contacts;
    }

    /** The source's counts from now on belong to another run (this one ended, or a restart took over). */
    public void countUntil(long read, long written, long skipped, long tickets, long contacts) {
        if (finalRead == null) {
            this.finalRead = read;
            this.finalWritten = written;
            this.finalSkipped = skipped;
            this.finalTickets = tickets;
            this.finalContacts = contacts;
        }
    }

    /** Null while the run's counts still grow. */
    public long[] getFinalCounts() {
        return finalRead == null ? null : new long[] {finalRead, finalWritten, finalSkipped, finalTickets, finalContacts};
    }

    public void ended(String status, Instant at) {
        this.endStatus = status;
        this.endedAt = at;
    }

    public long[] getBaseline() {
        return new long[] {baseRead, baseWritten, baseSkipped, baseTickets, baseContacts};
    }

    public String getEndStatus() {
        return endStatus;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public void abandon() {
        this.abandoned = true;
    }

    public boolean isAbandoned() {
        return abandoned;
    }

    public Long getId() {
        return id;
    }

    public long getExecutionId() {
        return executionId;
    }

    public String getInstanceId() {
        return instanceId;
    }

    public String getJob() {
        return job;
    }

    public String getSourceKey() {
        return sourceKey;
    }

    public long getChannelId() {
        return channelId;
    }

    public String getParameters() {
        return parameters;
    }

    public String getStartedBy() {
        return startedBy;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Long getRestartOf() {
        return restartOf;
    }
}
