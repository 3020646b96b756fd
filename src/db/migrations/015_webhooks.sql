-- Webhooks: endpoints an organization's admin (or the operator) registers, events written in
-- the transaction of the change they describe (an outbox), one message per endpoint and event
-- with its retry state, and the log of every delivery attempt.

CREATE TABLE webhook_endpoints (
  org_id        uuid NOT NULL REFERENCES organizations(id),
  id            uuid NOT NULL DEFAULT gen_random_uuid(),
  url           text NOT NULL CHECK (length(url) BETWEEN 8 AND 2000),
  description   text NOT NULL DEFAULT '' CHECK (length(description) <= 200),
  events        text[] NOT NULL CHECK (cardinality(events) > 0),
  -- Standard Webhooks secrets (whsec_...): kept to sign, shown to the admin only when issued
  secret        text NOT NULL,
  -- after a rotation the old secret signs too until it expires, so receivers can switch over
  previous_secret text,
  previous_secret_expires_at timestamptz,
  enabled       boolean NOT NULL DEFAULT true,
  -- why it was turned off: 'failing' (retries ran out) or 'admin'
  disabled_reason text,
  created_by    uuid,
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL,
  PRIMARY KEY (org_id, id)
);

CREATE TABLE webhook_events (
  org_id      uuid NOT NULL REFERENCES organizations(id),
  -- the webhook-id header: the same for every attempt and every endpoint
  id          uuid NOT NULL DEFAULT gen_random_uuid(),
  type        text NOT NULL,
  data        jsonb NOT NULL,
  occurred_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, id)
);

CREATE SEQUENCE webhook_messages_seq;

CREATE TABLE webhook_messages (
  org_id          uuid NOT NULL,
  endpoint_id     uuid NOT NULL,
  event_id        uuid NOT NULL,
  -- taken at commit: changes to one subscription commit one after another, so in this order
  seq             bigint NOT NULL DEFAULT nextval('webhook_messages_seq'),
  -- messages with the same key reach the endpoint one at a time, in seq order
  order_key       text NOT NULL,
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts        integer NOT NULL DEFAULT 0,
  -- NULL: due now; while an attempt is under way, the time its lease ends (then it is retried)
  next_attempt_at timestamptz,
  PRIMARY KEY (org_id, endpoint_id, event_id),
  FOREIGN KEY (org_id, endpoint_id) REFERENCES webhook_endpoints(org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, event_id) REFERENCES webhook_events(org_id, id)
);
CREATE INDEX webhook_messages_due_idx ON webhook_messages (seq) WHERE status = 'pending';
CREATE INDEX webhook_messages_order_idx ON webhook_messages (endpoint_id, order_key, seq) WHERE status = 'pending';

CREATE TABLE webhook_attempts (
  org_id        uuid NOT NULL,
  id            uuid NOT NULL DEFAULT gen_random_uuid(),
  endpoint_id   uuid NOT NULL,
  event_id      uuid NOT NULL,
  attempted_at  timestamptz NOT NULL,
  -- null when no HTTP answer came (refused address, timeout, connection error)
  status_code   integer,
  latency_ms    integer NOT NULL,
  response_excerpt text NOT NULL DEFAULT '',
  error         text,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, endpoint_id) REFERENCES webhook_endpoints(org_id, id) ON DELETE CASCADE
);
CREATE INDEX webhook_attempts_endpoint_idx ON webhook_attempts (org_id, endpoint_id, attempted_at DESC, id DESC);

-- What a webhook says of a subscription, as it stands when the transaction commits.
CREATE FUNCTION webhook_subscription(p_org uuid, p_id uuid) RETURNS jsonb LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_object(
    'id', s.id, 'productId', s.product_id, 'skuId', p.sku_id, 'skuPartNumber', p.sku_part_number, 'productName', p.name,
    'buyerId', s.buyer_id, 'selfService', s.self_service, 'status', s.status, 'term', s.term,
    'quantity', s.quantity, 'assigned', s.assigned, 'pendingQuantity', s.pending_quantity,
    'unitPrice', jsonb_build_object('amount', s.unit_price, 'currency', s.currency),
    'termStart', s.term_start, 'termEnd', s.term_end, 'autoRenew', s.auto_renew, 'canceledAt', s.canceled_at)
  FROM subscriptions s JOIN products p ON p.id = s.product_id WHERE s.org_id = p_org AND s.id = p_id
$$;

CREATE FUNCTION webhook_person(p_org uuid, p_id uuid) RETURNS jsonb LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_object(
    'id', id, 'displayName', display_name, 'email', email, 'usageLocation', usage_location, 'role', role,
    'accountEnabled', status = 'active', 'deleted', deleted_at IS NOT NULL)
  FROM people WHERE org_id = p_org AND id = p_id
$$;

-- Writes the event and a message for each enabled endpoint of the organization that asked for
-- its type; nothing when none did.
CREATE FUNCTION webhook_enqueue(p_org uuid, p_type text, p_key text, p_data jsonb, p_at timestamptz) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  event_id uuid;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM webhook_endpoints WHERE org_id = p_org AND enabled AND p_type = ANY (events)) THEN
    RETURN;
  END IF;
  INSERT INTO webhook_events (org_id, type, data, occurred_at) VALUES (p_org, p_type, p_data, p_at) RETURNING id INTO event_id;
  INSERT INTO webhook_messages (org_id, endpoint_id, event_id, order_key)
    SELECT p_org, id, event_id, p_key FROM webhook_endpoints WHERE org_id = p_org AND enabled AND p_type = ANY (events);
  -- wakes every server's dispatcher at commit (notifications of one transaction are sent once)
  PERFORM pg_notify('selfserve_webhooks', '');
END $$;

-- The audit trail names every change; these are the ones apps hear about.
CREATE FUNCTION webhook_from_audit() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  kind text := CASE NEW.action
    WHEN 'subscription.purchased' THEN 'subscription.created'
    WHEN 'subscription.trial_started' THEN 'subscription.created'
    WHEN 'subscription.canceled' THEN 'subscription.canceled'
    WHEN 'subscription.renewed' THEN 'subscription.renewed'
    WHEN 'subscription.converted' THEN 'subscription.renewed'
    WHEN 'license.assigned' THEN 'license.assigned'
    WHEN 'license.unassigned' THEN 'license.unassigned'
    WHEN 'person.created' THEN 'person.created'
    WHEN 'person.updated' THEN 'person.updated'
    WHEN 'person.enabled' THEN 'person.updated'
    WHEN 'person.disabled' THEN 'person.disabled'
    WHEN 'person.deleted' THEN 'person.deleted'
    WHEN 'policy.changed' THEN 'policy.updated'
    ELSE 'subscription.updated' END;
  sub_id uuid;
BEGIN
  IF NEW.object_type = 'subscription' THEN
    sub_id := NEW.object_id::uuid;
    PERFORM webhook_enqueue(NEW.org_id, kind, 'subscription:' || sub_id,
      CASE WHEN kind LIKE 'license.%' THEN jsonb_build_object(
          'subscription', webhook_subscription(NEW.org_id, sub_id),
          'users', (SELECT coalesce(jsonb_agg(webhook_person(NEW.org_id, u::uuid)), '[]')
                      FROM jsonb_array_elements_text(NEW.details -> 'users') AS u))
        ELSE jsonb_build_object('subscription', webhook_subscription(NEW.org_id, sub_id)) END,
      NEW.at);
  ELSIF NEW.object_type = 'person' THEN
    PERFORM webhook_enqueue(NEW.org_id, kind, 'person:' || NEW.object_id,
      jsonb_build_object('person', webhook_person(NEW.org_id, NEW.object_id::uuid)), NEW.at);
  ELSE
    PERFORM webhook_enqueue(NEW.org_id, kind, 'policy:' || NEW.object_id,
      jsonb_build_object('policy', jsonb_build_object(
        'productId', NEW.object_id, 'skuId', (SELECT sku_id FROM products WHERE id = NEW.object_id), 'value', NEW.details -> 'to')),
      NEW.at);
  END IF;
  RETURN NULL;
END $$;

-- Deferred to commit: the event carries the state the whole transaction leaves, and its seq
-- is taken in commit order.
CREATE CONSTRAINT TRIGGER webhook_from_audit AFTER INSERT ON audit_events DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (NEW.action IN (
    'subscription.purchased', 'subscription.trial_started', 'subscription.canceled', 'subscription.renewed',
    'subscription.converted', 'subscription.licenses_added', 'subscription.licenses_removed',
    'subscription.licenses_scheduled', 'subscription.auto_renew_on', 'subscription.auto_renew_off',
    'subscription.reactivated', 'subscription.taken_over', 'license.assigned', 'license.unassigned',
    'person.created', 'person.updated', 'person.enabled', 'person.disabled', 'person.deleted', 'policy.changed'))
  EXECUTE FUNCTION webhook_from_audit();

-- Expired, disabled and deleted come from the lifecycle or a failed renewal, which is not always
-- audited: the status itself says it (a cancellation that disables says so as subscription.canceled).
CREATE FUNCTION webhook_from_subscription_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM webhook_enqueue(NEW.org_id, 'subscription.' || NEW.status, 'subscription:' || NEW.id,
    jsonb_build_object('subscription', webhook_subscription(NEW.org_id, NEW.id)), NEW.status_changed_at);
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER webhook_from_subscription_status AFTER UPDATE ON subscriptions DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status AND NEW.status IN ('expired', 'disabled', 'deleted')
    AND OLD.canceled_at IS NOT DISTINCT FROM NEW.canceled_at)
  EXECUTE FUNCTION webhook_from_subscription_status();

CREATE FUNCTION webhook_invoice(i invoices) RETURNS jsonb LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_object('invoice', jsonb_build_object(
    'id', i.id, 'number', i.number, 'kind', i.kind, 'status', i.status, 'subscriptionId', i.subscription_id, 'ownerId', i.owner_id,
    'issuedAt', i.issued_at, 'periodStart', i.period_start, 'periodEnd', i.period_end,
    'subtotal', jsonb_build_object('amount', i.subtotal, 'currency', i.currency),
    'tax', jsonb_build_object('amount', i.tax, 'currency', i.currency),
    'total', jsonb_build_object('amount', i.total, 'currency', i.currency),
    'creditedInvoiceId', i.credited_invoice_id))
$$;

-- invoice.issued for every invoice and credit note, then invoice.paid or invoice.due as it stands.
-- Per statement, not per row: a bulk load of invoices costs one look at the endpoints. The
-- subscription's lock, held by the transaction that issues or pays, keeps them in order.
CREATE FUNCTION webhook_from_invoices() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM webhook_endpoints e WHERE e.enabled AND e.org_id IN (SELECT org_id FROM changed)) THEN
    RETURN NULL;
  END IF;
  PERFORM webhook_enqueue(i.org_id, t.type, coalesce('subscription:' || i.subscription_id, 'invoice:' || i.id), webhook_invoice(i),
                          CASE WHEN TG_OP = 'INSERT' THEN i.issued_at ELSE now() END)
     FROM changed i
     CROSS JOIN LATERAL (VALUES (1, 'invoice.issued'), (2, 'invoice.' || i.status)) AS t(n, type)
    WHERE (t.n = 1 AND TG_OP = 'INSERT') OR (t.n = 2 AND i.kind = 'invoice' AND i.status IN ('paid', 'due'))
    ORDER BY i.issued_at, i.id, t.n;
  RETURN NULL;
END $$;
CREATE TRIGGER webhook_from_invoices_insert AFTER INSERT ON invoices
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION webhook_from_invoices();
-- (an UPDATE only reports the rows that became paid: what else changes is not announced)
CREATE FUNCTION webhook_from_invoices_paid() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM webhook_endpoints e WHERE e.enabled AND e.org_id IN (SELECT org_id FROM changed)) THEN
    RETURN NULL;
  END IF;
  PERFORM webhook_enqueue(n.org_id, 'invoice.paid', coalesce('subscription:' || n.subscription_id, 'invoice:' || n.id), webhook_invoice(n), now())
     FROM changed n JOIN old_rows o ON o.org_id = n.org_id AND o.id = n.id
    WHERE n.status = 'paid' AND o.status <> 'paid' AND n.kind = 'invoice'
    ORDER BY n.id;
  RETURN NULL;
END $$;
CREATE TRIGGER webhook_from_invoices_paid AFTER UPDATE ON invoices
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION webhook_from_invoices_paid();
