-- Version 2: the inbound pipeline and routing.

-- Tickets waiting for automatic assignment (queue and backlog drain), oldest first.
ALTER TABLE tickets ADD COLUMN awaiting_routing BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX tickets_waiting_ix ON tickets (awaiting_routing, created_at);

-- A message belongs to its ticket directly too: the ticket page lists all its messages across
-- conversations, and internal notes on tickets without a conversation have no conversation.
ALTER TABLE messages ADD COLUMN ticket_id BIGINT REFERENCES tickets (id) ON DELETE CASCADE;
ALTER TABLE messages ALTER COLUMN conversation_id DROP NOT NULL;
ALTER TABLE messages ALTER COLUMN channel_id DROP NOT NULL;
CREATE INDEX messages_ticket_ix ON messages (ticket_id, created_at);

-- Skill-based routing rules of a channel: when the conditions match, only agents with all the
-- rule's skills (and, if set, in the rule's team) are eligible.
CREATE SEQUENCE skill_rules_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE skill_rules (
    id         BIGINT PRIMARY KEY,
    channel_id BIGINT NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    language   VARCHAR(35),
    category   VARCHAR(100),
    keywords   VARCHAR(2000),
    team_id    BIGINT REFERENCES teams (id) ON DELETE SET NULL
);
CREATE INDEX skill_rules_channel_ix ON skill_rules (channel_id, position);
CREATE TABLE skill_rule_skills (
    rule_id  BIGINT NOT NULL REFERENCES skill_rules (id) ON DELETE CASCADE,
    skill_id BIGINT NOT NULL REFERENCES skills (id) ON DELETE CASCADE,
    PRIMARY KEY (rule_id, skill_id)
);

-- Language of a message, when the channel knows it (routing conditions).
ALTER TABLE messages ADD COLUMN language VARCHAR(35);
