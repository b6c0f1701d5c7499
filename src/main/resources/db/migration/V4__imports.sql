-- Version 4: batch imports of historical mail.

-- Messages an import skipped, with the reason, for the execution's report.
CREATE SEQUENCE import_skips_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE import_skips (
    id           BIGINT PRIMARY KEY,
    run_id       BIGINT NOT NULL,
    source_part  VARCHAR(300) NOT NULL,
    position     VARCHAR(300) NOT NULL,
    reason       VARCHAR(2000) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX import_skips_run_ix ON import_skips (run_id, id);

-- One running import per source: the primary key refuses a second start for the same source.
CREATE TABLE import_locks (
    source_key   VARCHAR(500) PRIMARY KEY,
    run_id       BIGINT NOT NULL,
    locked_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Tickets an import touched, for the closing rule at its end.
CREATE INDEX tickets_source_ix ON tickets (channel_id, source);

-- Every import run, with its parameters: our own record, so a run can be restarted even when the
-- server's batch job repository did not survive a restart. Batch execution ids start over with
-- such a repository, so a run has an id of its own and remembers which server instance ran it.
CREATE SEQUENCE import_runs_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE import_runs (
    run_id       BIGINT PRIMARY KEY,
    execution_id BIGINT NOT NULL,
    instance_id  VARCHAR(100) NOT NULL,
    job_name     VARCHAR(100) NOT NULL,
    source_key   VARCHAR(500) NOT NULL,
    channel_id   BIGINT NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
    parameters   TEXT NOT NULL,
    started_by   VARCHAR(100) NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    restart_of   BIGINT,
    abandoned    BOOLEAN DEFAULT FALSE NOT NULL
);
CREATE INDEX import_runs_source_ix ON import_runs (source_key, started_at);

-- How far each part (folder, archive) of a source got. Written in the same transaction as the
-- part's imported messages, so data and position never disagree.
CREATE TABLE import_progress (
    source_key   VARCHAR(500) NOT NULL,
    part         VARCHAR(300) NOT NULL,
    resume_after VARCHAR(300),
    total        BIGINT,
    read_count   BIGINT DEFAULT 0 NOT NULL,
    written      BIGINT DEFAULT 0 NOT NULL,
    skipped      BIGINT DEFAULT 0 NOT NULL,
    tickets      BIGINT DEFAULT 0 NOT NULL,
    contacts     BIGINT DEFAULT 0 NOT NULL,
    done         BOOLEAN DEFAULT FALSE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (source_key, part)
);
