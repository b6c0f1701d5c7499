-- Forms (channels.form): a form exists on its own and can be connected to the help desk as a FORM channel,
-- whose ticket defaults are the form's hidden ticket fields.
CREATE SEQUENCE forms_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE forms (
    id          BIGINT PRIMARY KEY,
    form_key    VARCHAR(40) NOT NULL,
    name        VARCHAR(100) NOT NULL,
    definition  TEXT NOT NULL,
    channel_id  BIGINT REFERENCES channels (id) ON DELETE SET NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT forms_key_uq UNIQUE (form_key),
    CONSTRAINT forms_channel_uq UNIQUE (channel_id)
);

-- One row per accepted submission: every value (hidden fields included) and the keyed client address
-- that the rate limits count; the raw submission itself is the inbound item.
CREATE SEQUENCE form_submissions_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE form_submissions (
    id              BIGINT PRIMARY KEY,
    form_id         BIGINT NOT NULL REFERENCES forms (id) ON DELETE CASCADE,
    nonce           VARCHAR(40) NOT NULL,
    client_key      VARCHAR(64) NOT NULL,
    contact_email   VARCHAR(320),
    field_values    TEXT NOT NULL,
    inbound_item_id BIGINT,
    submitted_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT form_submissions_nonce_uq UNIQUE (form_id, nonce)
);
CREATE INDEX form_submissions_client_ix ON form_submissions (client_key, submitted_at);
CREATE INDEX form_submissions_form_ix ON form_submissions (form_id, submitted_at);

-- Refused submissions, counted per form and reason (shown on the channel).
CREATE TABLE form_refusals (
    form_id BIGINT NOT NULL REFERENCES forms (id) ON DELETE CASCADE,
    reason  VARCHAR(30) NOT NULL,
    refused BIGINT NOT NULL,
    PRIMARY KEY (form_id, reason)
);
