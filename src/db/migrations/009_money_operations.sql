-- Money moves as operations decided under the subscription's row lock (see
-- src/services/payments/operation.ts): what each charge or refund pays for is recorded, so that
-- the books can be checked against the licenses held, and one operation at a time is in flight.

-- the operation a charge or refund belongs to (a refund may be split over several charges);
-- the gateway's idempotency key is derived from it
ALTER TABLE charges ADD COLUMN operation text;
UPDATE charges SET operation = idempotency_key;
ALTER TABLE charges ALTER COLUMN operation SET NOT NULL;
-- licenses paid for (> 0) or given back (< 0), over [period_start, term_end) of the term
-- [term_start, term_end)
ALTER TABLE charges ADD COLUMN licenses integer;
ALTER TABLE charges ADD COLUMN term_start timestamptz;
ALTER TABLE charges ADD COLUMN term_end timestamptz;
ALTER TABLE charges ADD COLUMN period_start timestamptz;
-- the charge a refund gives money back from
ALTER TABLE charges ADD COLUMN refund_of uuid;
-- what the gateway takes the money from (a card token) or gives it back to (its charge id), so
-- that a retry or reconciliation can send a part the gateway never received
ALTER TABLE charges ADD COLUMN gateway_source text;
-- what earlier charges paid for, from the invoice each carried
UPDATE charges SET term_end = (context->'invoice'->>'periodEnd')::timestamptz,
       period_start = (context->'invoice'->>'periodStart')::timestamptz,
       licenses = CASE kind WHEN 'refund' THEN -1 ELSE 1 END * (context->'invoice'->'lines'->0->>'quantity')::int
 WHERE jsonb_typeof(context->'invoice') = 'object';
UPDATE charges c SET term_start = s.term_start FROM subscriptions s
 WHERE s.org_id = c.org_id AND s.id = c.subscription_id AND s.term_end = c.term_end;
UPDATE charges SET term_start = period_start WHERE term_start IS NULL AND purpose IN ('purchase', 'renewal', 'reactivation');
UPDATE charges r SET refund_of = c.id FROM charges c
 WHERE r.kind = 'refund' AND c.org_id = r.org_id AND c.gateway_charge_id = r.context->>'refundOf';
ALTER TABLE charges ADD CONSTRAINT charges_refund_of_fk FOREIGN KEY (org_id, refund_of) REFERENCES charges (org_id, id);
CREATE INDEX charges_subscription_idx ON charges (org_id, subscription_id);
CREATE INDEX charges_operation_idx ON charges (org_id, operation);

-- the operation whose money is in flight: another waits for it (or finishes it) before deciding
ALTER TABLE subscriptions ADD COLUMN pending_operation text;
-- bumped by every change, so that an operation's key names the state it was decided from
ALTER TABLE subscriptions ADD COLUMN version integer NOT NULL DEFAULT 0;
