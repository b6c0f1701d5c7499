-- A chat channel's bot (its "chatflow"): one flow per channel, as JSON; a channel without a row is live chat only.
CREATE TABLE chat_flows (
    channel_id  BIGINT PRIMARY KEY REFERENCES channels (id) ON DELETE CASCADE,
    definition  VARCHAR(200000) NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Where the bot is in each conversation it talks in: waiting at a step for the visitor's answer, handed to a
-- person, or closed. Written in the transaction that takes the visitor's message in, so a crash or a resend
-- never answers twice. asked_seq is the message that asked the waiting question (its buttons show under it).
CREATE TABLE chat_bot_runs (
    conversation_id BIGINT PRIMARY KEY REFERENCES conversations (id) ON DELETE CASCADE,
    channel_id      BIGINT NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
    state           VARCHAR(12) NOT NULL,
    step            VARCHAR(40),
    language        VARCHAR(5),
    asked_seq       INTEGER,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
