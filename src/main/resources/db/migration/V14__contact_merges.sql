-- Two contacts that were one person, merged: the one that stays keeps this record of the other
-- (its name and what identified it), who merged them and when. Shown on the contact's card.
CREATE TABLE contact_merges (
    id                BIGINT PRIMARY KEY,
    contact_id        BIGINT NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    merged_contact_id BIGINT NOT NULL,
    merged_name       VARCHAR(200),
    merged_details    VARCHAR(2000) NOT NULL,
    merged_by         VARCHAR(100),
    merged_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX contact_merges_contact_ix ON contact_merges (contact_id);
CREATE SEQUENCE contact_merges_seq START WITH 50 INCREMENT BY 50;
