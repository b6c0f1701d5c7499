-- How the provider is to send a message when it is not free text: an approved template and its
-- values ({"template": "<id>", "parameters": [...]}); the message's text is the template as the contact sees it.
ALTER TABLE messages ADD COLUMN send_as VARCHAR(4000);
