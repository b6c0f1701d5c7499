-- A contact's picture as a channel's profile gave it (a Messenger person's profile picture): fetched once,
-- kept here because the channel's link to it expires. One per contact; it goes with the contact.
CREATE TABLE contact_pictures (
    contact_id   BIGINT PRIMARY KEY REFERENCES contacts (id) ON DELETE CASCADE,
    content_type VARCHAR(100) NOT NULL,
    content      BYTEA NOT NULL,
    fetched_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
