-- A form's own spam-defence settings (channels.form): stricter limits than the installation's, and the
-- sites allowed to embed it. NULL means the installation's default (SWITCHBOARD_FORMS_…) or any site.
ALTER TABLE forms ADD COLUMN limit_address_hour INTEGER;
ALTER TABLE forms ADD COLUMN limit_address_day INTEGER;
ALTER TABLE forms ADD COLUMN limit_form_day INTEGER;
-- origins such as https://www.example.com, one per line
ALTER TABLE forms ADD COLUMN allowed_origins VARCHAR(2000);
