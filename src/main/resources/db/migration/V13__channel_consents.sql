-- Consents are not the chat's alone: a Messenger contact accepts the channel's consent text too.
ALTER TABLE chat_consents RENAME TO channel_consents;
