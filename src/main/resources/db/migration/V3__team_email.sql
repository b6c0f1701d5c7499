-- Version 3: team email.

-- The id a channel gave a message (an email's Message-ID; ours for replies we send): replies find
-- their conversation by it. Not unique: the same Message-ID with other content is another message.
ALTER TABLE messages ADD COLUMN channel_message_id VARCHAR(500);
CREATE INDEX messages_channel_message_ix ON messages (channel_id, channel_message_id);
-- Mail sent by a machine (auto-replies, bounces): shown on the ticket, never opens or reopens one.
ALTER TABLE messages ADD COLUMN automatic BOOLEAN DEFAULT FALSE NOT NULL;
-- Outbound delivery: attempts with backoff; the copy as sent (MIME) is kept.
ALTER TABLE messages ADD COLUMN delivery_attempts INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE messages ADD COLUMN next_delivery_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE messages ADD COLUMN sent_copy BYTEA;
CREATE INDEX messages_delivery_ix ON messages (delivery_state, next_delivery_at);
-- What parsing noticed (dropped attachments, unknown charsets), shown with the message.
ALTER TABLE messages ADD COLUMN notes VARCHAR(2000);

-- What processing made of an item that did not become a message (automatic mail with no thread).
ALTER TABLE inbound_items ADD COLUMN outcome VARCHAR(2000);

-- Email addresses of channels: one address belongs to one channel.
CREATE TABLE channel_addresses (
    address    VARCHAR(320) PRIMARY KEY,
    channel_id BIGINT NOT NULL REFERENCES channels (id) ON DELETE CASCADE
);
CREATE INDEX channel_addresses_channel_ix ON channel_addresses (channel_id);

-- Where an IMAP mailbox's sync stands, and which instance holds the right to fetch it.
CREATE TABLE mailbox_syncs (
    channel_id      BIGINT PRIMARY KEY REFERENCES channels (id) ON DELETE CASCADE,
    folder          VARCHAR(200) NOT NULL,
    uid_validity    BIGINT,
    last_uid        BIGINT DEFAULT 0 NOT NULL,
    lease_owner     VARCHAR(100),
    lease_until     TIMESTAMP WITH TIME ZONE,
    last_synced_at  TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(2000),
    idle_supported  BOOLEAN,
    version         BIGINT DEFAULT 0 NOT NULL
);
