-- A file a message names but does not carry (a WhatsApp image is a media id at Meta): kept here until the
-- channel kind fetched it into an attachment of the message. One row per file of a message; the intake
-- writes them with the message, so a message taken in twice never fetches twice.
CREATE TABLE remote_files (
    id           BIGINT PRIMARY KEY,
    message_id   BIGINT NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    channel_id   BIGINT NOT NULL REFERENCES channels (id),
    reference    VARCHAR(1000) NOT NULL,
    filename     VARCHAR(255),
    content_type VARCHAR(255),
    state        VARCHAR(10) NOT NULL,
    attempts     INTEGER DEFAULT 0 NOT NULL,
    next_at      TIMESTAMP WITH TIME ZONE,
    last_error   VARCHAR(500)
);
CREATE INDEX remote_files_due_ix ON remote_files (state, next_at);
CREATE INDEX remote_files_message_ix ON remote_files (message_id);
CREATE SEQUENCE remote_files_seq START WITH 50 INCREMENT BY 50;
