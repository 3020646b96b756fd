-- Admin: notifications are also an e-mail outbox, and some are sent once per occasion.

-- set once the e-mail went out (or when there is no mail server to send it through)
ALTER TABLE notifications ADD COLUMN emailed_at timestamptz;
-- e.g. "card_expiring:<payment method>:<yyyy-mm>": the same reminder is never given twice
ALTER TABLE notifications ADD COLUMN dedupe_key text;
CREATE UNIQUE INDEX notifications_dedupe_key ON notifications (org_id, dedupe_key) WHERE dedupe_key IS NOT NULL;
CREATE INDEX notifications_outbox_idx ON notifications (created_at) WHERE emailed_at IS NULL;
-- admin views list one organization's self-service purchases by product and buyer
CREATE INDEX subscriptions_org_product_idx ON subscriptions (org_id, product_id) WHERE self_service;
