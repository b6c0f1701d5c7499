-- Workspace views: open/closed as a column so that each view (all open, closed, unassigned,
-- mine, per channel) pages over an index in (updated_at, id) order, also with a million tickets.
-- 1 = open, 0 = closed: an integer, because EclipseLink writes boolean values into paged H2
-- queries as 1/0, which H2 2 refuses to compare with a BOOLEAN column.
ALTER TABLE tickets ADD COLUMN is_open SMALLINT DEFAULT 1 NOT NULL;
UPDATE tickets SET is_open = 0 WHERE closed_at IS NOT NULL;
CREATE INDEX tickets_open_ix ON tickets (is_open, updated_at, id);
CREATE INDEX tickets_owner_open_ix ON tickets (owner_id, is_open, updated_at, id);
CREATE INDEX tickets_channel_open_ix ON tickets (channel_id, is_open, updated_at, id);
CREATE INDEX tickets_contact_updated_ix ON tickets (contact_id, updated_at);

-- What a channel ticket was opened for (its first message's external id): a ticket exists once per
-- origin, and processing the same message again finds it instead of opening a second one.
ALTER TABLE tickets ADD COLUMN origin_key VARCHAR(500);
CREATE UNIQUE INDEX tickets_origin_uq ON tickets (channel_id, origin_key);
