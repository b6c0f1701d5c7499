-- Every message of a conversation has its place in it: 1, 2, 3, … in the order the conversation got them.
-- A live channel's client that has seen up to n asks for what came after n, so a reconnect loses nothing;
-- message ids cannot serve, since each instance takes ids from its own block of the sequence.
ALTER TABLE conversations ADD COLUMN last_seq INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE messages ADD COLUMN seq INTEGER;

UPDATE messages SET seq = (
    SELECT COUNT(*) FROM messages earlier
    WHERE earlier.conversation_id = messages.conversation_id
      AND (earlier.created_at < messages.created_at OR (earlier.created_at = messages.created_at AND earlier.id <= messages.id)))
WHERE conversation_id IS NOT NULL;

UPDATE conversations SET last_seq = COALESCE((SELECT MAX(seq) FROM messages WHERE messages.conversation_id = conversations.id), 0);

CREATE UNIQUE INDEX messages_conversation_seq_ux ON messages (conversation_id, seq);
