-- True run reports (imports): what the source's progress held when a run started, so a run reports only
-- its own work (a re-run of a finished import writes 0, and says how many were imported before), and how
-- the run ended, as the application recorded it (the batch runtime forgets executions across restarts).
ALTER TABLE import_runs ADD COLUMN base_read BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE import_runs ADD COLUMN base_written BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE import_runs ADD COLUMN base_skipped BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE import_runs ADD COLUMN base_tickets BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE import_runs ADD COLUMN base_contacts BIGINT DEFAULT 0 NOT NULL;
-- ... and what it held when the run ended (or when a later run of the source took over from a crashed one)
ALTER TABLE import_runs ADD COLUMN final_read BIGINT;
ALTER TABLE import_runs ADD COLUMN final_written BIGINT;
ALTER TABLE import_runs ADD COLUMN final_skipped BIGINT;
ALTER TABLE import_runs ADD COLUMN final_tickets BIGINT;
ALTER TABLE import_runs ADD COLUMN final_contacts BIGINT;
ALTER TABLE import_runs ADD COLUMN end_status VARCHAR(20);
ALTER TABLE import_runs ADD COLUMN ended_at TIMESTAMP WITH TIME ZONE;

-- What a dry run's earlier chunks would have made (their own data is rolled back with each chunk): later
-- chunks recreate the parts they refer to, so the dry run decides — and counts — exactly as a real run.
-- Emptied when the dry run ends.
CREATE TABLE import_dry_run_messages (
    run_id             BIGINT NOT NULL,
    external_id        VARCHAR(500) NOT NULL,
    channel_message_id VARCHAR(500),
    outbound           BOOLEAN NOT NULL,
    thread_key         VARCHAR(500) NOT NULL,
    contact_email      VARCHAR(320),
    with_ticket        BOOLEAN NOT NULL
);
CREATE INDEX import_dry_run_messages_ext_ix ON import_dry_run_messages (run_id, external_id);
CREATE INDEX import_dry_run_messages_mid_ix ON import_dry_run_messages (run_id, channel_message_id);
CREATE INDEX import_dry_run_messages_key_ix ON import_dry_run_messages (run_id, thread_key);
CREATE TABLE import_dry_run_contacts (
    run_id BIGINT NOT NULL,
    email  VARCHAR(320) NOT NULL,
    PRIMARY KEY (run_id, email)
);
