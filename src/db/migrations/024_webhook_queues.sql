-- Webhook claims read only what can be sent now. Before, a claim read every pending message in
-- seq order and kept the due ones whose key had nothing pending before them: an endpoint down for
-- days (its messages waiting for their retry, and the later ones of each key waiting behind them)
-- slowed every organization's deliveries. Now only the first pending message of each key at an
-- endpoint (its head) has a next_attempt_at; the others wait with NULL until the one before
-- them is delivered or fails for good. A claim visits each endpoint that has heads once and
-- takes its due ones from an index on (endpoint, next_attempt_at), at most a few per endpoint.

COMMENT ON COLUMN webhook_messages.next_attempt_at IS
  'When a pending message may be attempted: -infinity at once, a retry''s time, or its lease''s end while an attempt is under way. NULL while an earlier message of its key at the endpoint is pending.';

-- while an attempt is under way: when its lease ends (claims count an endpoint's attempts by it)
ALTER TABLE webhook_messages ADD COLUMN leased_until timestamptz;

UPDATE webhook_messages m SET next_attempt_at = CASE
    WHEN EXISTS (SELECT 1 FROM webhook_messages b WHERE b.org_id = m.org_id AND b.endpoint_id = m.endpoint_id
                    AND b.order_key = m.order_key AND b.status = 'pending' AND b.seq < m.seq) THEN NULL
    ELSE coalesce(m.next_attempt_at, '-infinity') END
 WHERE m.status = 'pending';

DROP INDEX webhook_messages_due_idx;
CREATE INDEX webhook_messages_head_idx ON webhook_messages (org_id, endpoint_id, next_attempt_at, seq)
  WHERE status = 'pending' AND next_attempt_at IS NOT NULL;
CREATE INDEX webhook_messages_leased_idx ON webhook_messages (org_id, endpoint_id, leased_until)
  WHERE status = 'pending' AND leased_until IS NOT NULL;

-- A message added to a key's queue share-locks the queue's last pending message: the delivery that
-- takes the head off (and makes the next one due) waits for it, or it for the delivery, so that a
-- message added while the head is being delivered is either seen by the delivery or sees the head
-- gone and is the head itself, never neither. (Row locks: a bulk change of thousands of keys
-- takes no room in the lock table.)
CREATE OR REPLACE FUNCTION webhook_enqueue(p_org uuid, p_type text, p_key text, p_data jsonb, p_at timestamptz) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  event_id uuid;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM webhook_endpoints WHERE org_id = p_org AND enabled AND p_type = ANY (events)) THEN
    RETURN;
  END IF;
  INSERT INTO webhook_events (org_id, type, data, occurred_at) VALUES (p_org, p_type, p_data, p_at) RETURNING id INTO event_id;
  INSERT INTO webhook_messages (org_id, endpoint_id, event_id, order_key, next_attempt_at)
    SELECT p_org, e.id, event_id, p_key, CASE WHEN last.seq IS NULL THEN '-infinity'::timestamptz END
      FROM webhook_endpoints e
      LEFT JOIN LATERAL (SELECT b.seq FROM webhook_messages b WHERE b.endpoint_id = e.id AND b.order_key = p_key
                            AND b.status = 'pending' AND b.org_id = p_org ORDER BY b.seq DESC LIMIT 1 FOR SHARE) last ON true
     WHERE e.org_id = p_org AND e.enabled AND p_type = ANY (e.events);
  -- wakes every server's dispatcher at commit (notifications of one transaction are sent once)
  PERFORM pg_notify('selfserve_webhooks', '');
END $$;
