-- Switchboard schema, version 1. Portable SQL: runs unchanged on H2 2.2 and PostgreSQL 13+.
-- Sequences start at 50 and step by 50 to match JPA allocationSize = 50 (ids are handed out in blocks).

CREATE SEQUENCE users_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE teams_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE skills_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE api_tokens_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE contacts_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE inboxes_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE pipelines_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE pipeline_stages_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE channels_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE tickets_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE ticket_events_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE conversations_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE messages_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE attachments_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE inbound_items_seq START WITH 50 INCREMENT BY 50;
-- Human ticket numbers (#1001, #1002 …), one at a time.
CREATE SEQUENCE ticket_number_seq START WITH 1001 INCREMENT BY 1;

CREATE TABLE users (
    id                BIGINT PRIMARY KEY,
    username          VARCHAR(100) NOT NULL,
    full_name         VARCHAR(200) NOT NULL,
    email             VARCHAR(320),
    password_hash     VARCHAR(300),
    paid_seat         BOOLEAN NOT NULL DEFAULT FALSE,
    availability      VARCHAR(20) NOT NULL DEFAULT 'AVAILABLE',
    capacity          INTEGER CHECK (capacity IS NULL OR capacity >= 0),
    language          VARCHAR(35) NOT NULL DEFAULT 'en',
    active            BOOLEAN NOT NULL DEFAULT TRUE,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    last_assigned_at  TIMESTAMP WITH TIME ZONE,
    version           BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT users_username_uq UNIQUE (username),
    CONSTRAINT users_email_uq UNIQUE (email)
);

CREATE TABLE user_roles (
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role    VARCHAR(20) NOT NULL,
    PRIMARY KEY (user_id, role)
);

CREATE TABLE teams (
    id      BIGINT PRIMARY KEY,
    name    VARCHAR(100) NOT NULL,
    version BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT teams_name_uq UNIQUE (name)
);

CREATE TABLE skills (
    id      BIGINT PRIMARY KEY,
    name    VARCHAR(100) NOT NULL,
    version BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT skills_name_uq UNIQUE (name)
);

CREATE TABLE team_members (
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    team_id BIGINT NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, team_id)
);
CREATE INDEX team_members_team_ix ON team_members (team_id);

CREATE TABLE user_skills (
    user_id  BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    skill_id BIGINT NOT NULL REFERENCES skills (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, skill_id)
);
CREATE INDEX user_skills_skill_ix ON user_skills (skill_id);

CREATE TABLE api_tokens (
    id           BIGINT PRIMARY KEY,
    name         VARCHAR(100) NOT NULL,
    user_id      BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash   VARCHAR(64) NOT NULL,
    token_prefix VARCHAR(20) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE,
    revoked_at   TIMESTAMP WITH TIME ZONE,
    version      BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT api_tokens_hash_uq UNIQUE (token_hash)
);

CREATE TABLE contacts (
    id         BIGINT PRIMARY KEY,
    full_name  VARCHAR(200),
    owner_id   BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    version    BIGINT NOT NULL DEFAULT 0
);

-- An address, number or identity belongs to one contact only: matching is unambiguous.
CREATE TABLE contact_emails (
    contact_id BIGINT NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    email      VARCHAR(320) NOT NULL,
    CONSTRAINT contact_emails_email_uq UNIQUE (email)
);
CREATE INDEX contact_emails_contact_ix ON contact_emails (contact_id);

CREATE TABLE contact_phones (
    contact_id BIGINT NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    phone      VARCHAR(40) NOT NULL,
    CONSTRAINT contact_phones_phone_uq UNIQUE (phone)
);
CREATE INDEX contact_phones_contact_ix ON contact_phones (contact_id);

CREATE TABLE contact_identities (
    contact_id  BIGINT NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    kind        VARCHAR(50) NOT NULL,
    external_id VARCHAR(200) NOT NULL,
    CONSTRAINT contact_identities_uq UNIQUE (kind, external_id)
);
CREATE INDEX contact_identities_contact_ix ON contact_identities (contact_id);

CREATE TABLE inboxes (
    id      BIGINT PRIMARY KEY,
    name    VARCHAR(100) NOT NULL,
    version BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE pipelines (
    id      BIGINT PRIMARY KEY,
    name    VARCHAR(100) NOT NULL,
    version BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT pipelines_name_uq UNIQUE (name)
);

CREATE TABLE pipeline_stages (
    id            BIGINT PRIMARY KEY,
    pipeline_id   BIGINT NOT NULL REFERENCES pipelines (id) ON DELETE CASCADE,
    name          VARCHAR(100) NOT NULL,
    position      INTEGER NOT NULL,
    closes_ticket BOOLEAN NOT NULL DEFAULT FALSE,
    CONSTRAINT pipeline_stages_name_uq UNIQUE (pipeline_id, name)
);

CREATE TABLE channels (
    id                     BIGINT PRIMARY KEY,
    channel_type           VARCHAR(30) NOT NULL,
    name                   VARCHAR(100) NOT NULL,
    public_key             VARCHAR(64) NOT NULL,
    enabled                BOOLEAN NOT NULL DEFAULT TRUE,
    destination            VARCHAR(20) NOT NULL,
    inbox_id               BIGINT REFERENCES inboxes (id),
    default_pipeline_id    BIGINT NOT NULL REFERENCES pipelines (id),
    default_stage_id       BIGINT NOT NULL REFERENCES pipeline_stages (id),
    default_priority       VARCHAR(20) NOT NULL,
    name_template          VARCHAR(500) NOT NULL,
    description_template   VARCHAR(4000),
    default_category       VARCHAR(100),
    routing_mode           VARCHAR(30) NOT NULL DEFAULT 'NO_ONE',
    routing_available_only BOOLEAN NOT NULL DEFAULT TRUE,
    type_settings          TEXT,
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    version                BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT channels_public_key_uq UNIQUE (public_key),
    CONSTRAINT channels_inbox_ck CHECK (destination <> 'SHARED_INBOX' OR inbox_id IS NOT NULL)
);

CREATE TABLE channel_route_users (
    channel_id BIGINT NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (channel_id, user_id)
);

CREATE TABLE channel_route_teams (
    channel_id BIGINT NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
    team_id    BIGINT NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    PRIMARY KEY (channel_id, team_id)
);

CREATE TABLE tickets (
    id                BIGINT PRIMARY KEY,
    ticket_number     BIGINT NOT NULL,
    subject           VARCHAR(500) NOT NULL,
    description       TEXT,
    pipeline_id       BIGINT NOT NULL REFERENCES pipelines (id),
    stage_id          BIGINT NOT NULL REFERENCES pipeline_stages (id),
    priority          VARCHAR(20) NOT NULL,
    category          VARCHAR(100),
    owner_id          BIGINT REFERENCES users (id) ON DELETE SET NULL,
    team_id           BIGINT REFERENCES teams (id) ON DELETE SET NULL,
    source            VARCHAR(20) NOT NULL,
    channel_id        BIGINT REFERENCES channels (id),
    contact_id        BIGINT REFERENCES contacts (id),
    follows_ticket_id BIGINT REFERENCES tickets (id),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at         TIMESTAMP WITH TIME ZONE,
    version           BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT tickets_number_uq UNIQUE (ticket_number)
);
-- Ticket views page by (updated_at, id); open-ticket counts per owner drive load-aware routing.
CREATE INDEX tickets_updated_ix ON tickets (updated_at, id);
CREATE INDEX tickets_owner_ix ON tickets (owner_id, closed_at);
CREATE INDEX tickets_stage_ix ON tickets (stage_id, updated_at);
CREATE INDEX tickets_channel_ix ON tickets (channel_id, updated_at);
CREATE INDEX tickets_contact_ix ON tickets (contact_id);

CREATE TABLE ticket_events (
    id          BIGINT PRIMARY KEY,
    ticket_id   BIGINT NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    event_type  VARCHAR(30) NOT NULL,
    actor_id    BIGINT REFERENCES users (id) ON DELETE SET NULL,
    detail      TEXT,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ticket_events_ticket_ix ON ticket_events (ticket_id, occurred_at);

CREATE TABLE conversations (
    id              BIGINT PRIMARY KEY,
    channel_id      BIGINT NOT NULL REFERENCES channels (id),
    contact_id      BIGINT REFERENCES contacts (id),
    thread_key      VARCHAR(500) NOT NULL,
    ticket_id       BIGINT REFERENCES tickets (id) ON DELETE SET NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_message_at TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT conversations_thread_uq UNIQUE (channel_id, thread_key)
);
CREATE INDEX conversations_ticket_ix ON conversations (ticket_id);
CREATE INDEX conversations_contact_ix ON conversations (contact_id);

CREATE TABLE messages (
    id              BIGINT PRIMARY KEY,
    conversation_id BIGINT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    channel_id      BIGINT NOT NULL REFERENCES channels (id),
    direction       VARCHAR(20) NOT NULL,
    author_id       BIGINT REFERENCES users (id) ON DELETE SET NULL,
    subject         VARCHAR(1000),
    body_text       TEXT,
    body_html       TEXT,
    external_id     VARCHAR(500),
    sent_at         TIMESTAMP WITH TIME ZONE,
    received_at     TIMESTAMP WITH TIME ZONE,
    delivery_state  VARCHAR(20) NOT NULL,
    delivery_error  VARCHAR(2000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT NOT NULL DEFAULT 0,
    -- The same channel message never becomes two messages, however deliveries race.
    CONSTRAINT messages_external_uq UNIQUE (channel_id, external_id)
);
CREATE INDEX messages_conversation_ix ON messages (conversation_id, created_at);

CREATE TABLE attachments (
    id           BIGINT PRIMARY KEY,
    message_id   BIGINT NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    filename     VARCHAR(255) NOT NULL,
    content_type VARCHAR(255) NOT NULL,
    size_bytes   BIGINT NOT NULL,
    content_id   VARCHAR(255),
    content      BYTEA NOT NULL
);
CREATE INDEX attachments_message_ix ON attachments (message_id);

CREATE TABLE inbound_items (
    id              BIGINT PRIMARY KEY,
    channel_id      BIGINT NOT NULL REFERENCES channels (id),
    idempotency_key VARCHAR(500) NOT NULL,
    content_type    VARCHAR(255) NOT NULL,
    payload         BYTEA NOT NULL,
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    state           VARCHAR(20) NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(2000),
    processed_at    TIMESTAMP WITH TIME ZONE,
    version         BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT inbound_items_key_uq UNIQUE (channel_id, idempotency_key)
);
-- The retry scheduler looks for due PENDING items.
CREATE INDEX inbound_items_due_ix ON inbound_items (state, next_attempt_at);
