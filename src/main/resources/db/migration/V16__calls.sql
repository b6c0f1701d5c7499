-- A call is a message of kind call: the message (on the contact's conversation, in the ticket)
-- carries it through the help desk; this row keeps what the phone system reported about it.
-- One row per channel + provider call id, so every event of one call finds the same row.
CREATE TABLE calls (
    id               BIGINT PRIMARY KEY,
    message_id       BIGINT NOT NULL UNIQUE REFERENCES messages (id) ON DELETE CASCADE,
    channel_id       BIGINT NOT NULL REFERENCES channels (id),
    provider_call_id VARCHAR(250) NOT NULL,
    direction        VARCHAR(10) NOT NULL,
    customer_number  VARCHAR(40),
    our_number       VARCHAR(40),
    state            VARCHAR(20) NOT NULL,
    agent_id         BIGINT REFERENCES users (id),
    answered_by      VARCHAR(200),
    end_cause        VARCHAR(40),
    started_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    answered_at      TIMESTAMP WITH TIME ZONE,
    ended_at         TIMESTAMP WITH TIME ZONE,
    ended_by_timeout BOOLEAN DEFAULT FALSE NOT NULL,
    give_up_at       TIMESTAMP WITH TIME ZONE,
    voicemail        BOOLEAN DEFAULT FALSE NOT NULL,
    recording_url    VARCHAR(1000),
    recording_seconds INTEGER,
    recording_state  VARCHAR(10),
    recording_attempts INTEGER DEFAULT 0 NOT NULL,
    recording_next_at TIMESTAMP WITH TIME ZONE,
    version          BIGINT NOT NULL,
    CONSTRAINT calls_provider_uq UNIQUE (channel_id, provider_call_id)
);
-- the live calls: agents on a call (routing), calls that never got their end event (closed by time)
CREATE INDEX calls_live_ix ON calls (state, give_up_at);
CREATE INDEX calls_agent_ix ON calls (agent_id, state);
CREATE SEQUENCE calls_seq START WITH 50 INCREMENT BY 50;

-- Where a call reaches an agent: a phone number, an extension, sip:… or client:… (Settings → Users).
ALTER TABLE users ADD COLUMN calling_address VARCHAR(200);
