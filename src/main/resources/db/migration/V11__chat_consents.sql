-- A chat visitor's consent, as they accepted it: the channel's mode and text in their language, and when.
-- Shown on the contact's card; a visitor who accepted once is not asked again on that channel.
CREATE TABLE chat_consents (
    channel_id   BIGINT NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
    visitor_id   VARCHAR(250) NOT NULL,
    contact_id   BIGINT REFERENCES contacts (id) ON DELETE SET NULL,
    mode         VARCHAR(10) NOT NULL,
    consent_text VARCHAR(2000) NOT NULL,
    language     VARCHAR(5),
    accepted_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (channel_id, visitor_id)
);
CREATE INDEX chat_consents_contact_ix ON chat_consents (contact_id);
