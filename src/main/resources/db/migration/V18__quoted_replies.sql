-- A reply that quotes one of the customer's messages (WhatsApp shows it above the reply). The id
-- only, no foreign key: the quoted message is read with its ticket's messages, never on its own.
ALTER TABLE messages ADD COLUMN quoted_message_id BIGINT;
