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
