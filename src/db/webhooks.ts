import type { Database, Queryable } from './database.js';

export interface WebhookEndpoint {
  orgId: string;
  id: string;
  url: string;
  description: string;
  events: string[];
  enabled: boolean;
  disabledReason: string | null;
  /** when the secret before the last rotation stops signing; null when there is none */
  previousSecretExpiresAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const ENDPOINT = `org_id AS "orgId", id, url, description, events, enabled, disabled_reason AS "disabledReason",
  CASE WHEN previous_secret IS NULL THEN NULL ELSE previous_secret_expires_at END AS "previousSecretExpiresAt",
  created_at AS "createdAt", updated_at AS "updatedAt"`;

export async function insertEndpoint(
  db: Queryable,
  e: { orgId: string; url: string; description: string; events: string[]; secret: string; createdBy: string | null },
  now: Date,
): Promise<WebhookEndpoint> {
  const [row] = await db.query<WebhookEndpoint>(
    `INSERT INTO webhook_endpoints (org_id, url, description, events, secret, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING ${ENDPOINT}`,
    [e.orgId, e.url, e.description, e.events, e.secret, e.createdBy, now],
  );
  return row!;
}

export function listEndpoints(db: Queryable, orgId: string): Promise<WebhookEndpoint[]> {
  return db.query<WebhookEndpoint>(
    `SELECT ${ENDPOINT} FROM webhook_endpoints WHERE org_id = $1 ORDER BY created_at, id`,
    [orgId],
  );
}

export async function findEndpoint(db: Queryable, orgId: string, id: string): Promise<WebhookEndpoint | undefined> {
  const [row] = await db.query<WebhookEndpoint>(
    `SELECT ${ENDPOINT} FROM webhook_endpoints WHERE org_id = $1 AND id = $2`,
    [orgId, id],
  );
  return row;
}

export interface EndpointChanges {
  url?: string | undefined;
  description?: string | undefined;
  events?: string[] | undefined;
  enabled?: boolean | undefined;
}

/** Sets `set` (its parameters from $3, `values`) on the organization's endpoint; undefined when there is none. */
async function setEndpoint(
  db: Queryable,
  orgId: string,
  id: string,
  set: string,
  values: unknown[],
): Promise<WebhookEndpoint | undefined> {
  const [row] = await db.query<WebhookEndpoint>(
    `UPDATE webhook_endpoints SET ${set}
      WHERE org_id = $1 AND id = $2 RETURNING ${ENDPOINT}`,
    [orgId, id, ...values],
  );
  return row;
}

export function updateEndpoint(db: Queryable, orgId: string, id: string, c: EndpointChanges, now: Date) {
  return setEndpoint(
    db,
    orgId,
    id,
    `url = coalesce($3, url), description = coalesce($4, description), events = coalesce($5, events),
            enabled = coalesce($6, enabled),
            disabled_reason = CASE WHEN $6::boolean IS NULL THEN disabled_reason WHEN $6 THEN NULL ELSE 'admin' END,
            updated_at = $7`,
    [c.url ?? null, c.description ?? null, c.events ?? null, c.enabled ?? null, now],
  );
}

/** Deletes the endpoint with its messages and attempts (the events stay for other endpoints). */
export async function deleteEndpoint(db: Queryable, orgId: string, id: string): Promise<boolean> {
  const rows = await db.query('DELETE FROM webhook_endpoints WHERE org_id = $1 AND id = $2 RETURNING id', [orgId, id]);
  return rows.length > 0;
}

/** The new secret signs from now on; the current one goes on signing beside it until `overlapUntil`. */
export function rotateSecret(db: Queryable, orgId: string, id: string, secret: string, overlapUntil: Date, now: Date) {
  return setEndpoint(
    db,
    orgId,
    id,
    'previous_secret = secret, previous_secret_expires_at = $4, secret = $3, updated_at = $5',
    [secret, overlapUntil, now],
  );
}

/** A message claimed for one attempt, with what it takes to send it. */
export interface ClaimedMessage {
  orgId: string;
  endpointId: string;
  eventId: string;
  /** its queue at the endpoint: messages of one key are sent one after the other */
  orderKey: string;
  url: string;
  /** the secrets that sign it: the current one, and the previous one while its overlap lasts */
  secrets: string[];
  type: string;
  data: Record<string, unknown>;
  occurredAt: Date;
  /** this attempt's number, from 1 */
  attempt: number;
}

/** Claims run one at a time across every server, so that each counts the attempts the others started. */
const CLAIM_LOCK = 7_305_024;

/**
 * Claims up to `limit` due messages of enabled endpoints for one attempt each, until `leaseUntil`
 * (a process that dies mid-attempt leaves them to be retried then), at most `perEndpoint` under
 * way at one endpoint: a failing endpoint does not take every attempt. Only the head of each key's
 * queue is due (see 024_webhook_queues.sql), so events of one subscription arrive in order and the
 * messages waiting for their retry or behind another are not read: the claim walks the endpoints
 * that have heads (one index probe each) and takes each one's due heads, oldest first.
 */
export function claimDueMessages(
  db: Database,
  now: Date,
  limit: number,
  leaseUntil: Date,
  perEndpoint: number,
): Promise<ClaimedMessage[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [CLAIM_LOCK]);
    return tx.query<ClaimedMessage>(
      `WITH RECURSIVE endpoints AS (
         (SELECT org_id, endpoint_id FROM webhook_messages WHERE status = 'pending' AND next_attempt_at IS NOT NULL
           ORDER BY org_id, endpoint_id LIMIT 1)
         UNION ALL
         SELECT n.org_id, n.endpoint_id FROM endpoints p CROSS JOIN LATERAL (
           SELECT org_id, endpoint_id FROM webhook_messages WHERE status = 'pending' AND next_attempt_at IS NOT NULL
              AND (org_id, endpoint_id) > (p.org_id, p.endpoint_id)
            ORDER BY org_id, endpoint_id LIMIT 1) n
       ), due AS (
         SELECT m.org_id, m.endpoint_id, m.event_id FROM endpoints d
           JOIN webhook_endpoints e ON e.org_id = d.org_id AND e.id = d.endpoint_id AND e.enabled
           CROSS JOIN LATERAL (SELECT count(*)::int AS n FROM webhook_messages b WHERE b.org_id = d.org_id
                                  AND b.endpoint_id = d.endpoint_id AND b.status = 'pending' AND b.leased_until > $1) busy
           CROSS JOIN LATERAL (SELECT m.org_id, m.endpoint_id, m.event_id, m.next_attempt_at, m.seq FROM webhook_messages m
                                WHERE m.org_id = d.org_id AND m.endpoint_id = d.endpoint_id AND m.status = 'pending'
                                  AND m.next_attempt_at <= $1
                                ORDER BY m.next_attempt_at, m.seq LIMIT greatest($4 - busy.n, 0)
                                FOR UPDATE SKIP LOCKED) m
          ORDER BY m.next_attempt_at, m.seq LIMIT $2
       )
       UPDATE webhook_messages m SET attempts = m.attempts + 1, next_attempt_at = $3, leased_until = $3
         FROM due, webhook_endpoints e, webhook_events ev
        WHERE m.org_id = due.org_id AND m.endpoint_id = due.endpoint_id AND m.event_id = due.event_id AND m.status = 'pending'
          AND e.org_id = m.org_id AND e.id = m.endpoint_id AND ev.org_id = m.org_id AND ev.id = m.event_id
       RETURNING m.org_id AS "orgId", m.endpoint_id AS "endpointId", m.event_id AS "eventId", m.order_key AS "orderKey", e.url,
         array_remove(ARRAY[e.secret, CASE WHEN e.previous_secret_expires_at > $1 THEN e.previous_secret END], NULL) AS secrets,
         ev.type, ev.data, ev.occurred_at AS "occurredAt", m.attempts AS attempt`,
      [now, limit, leaseUntil, perEndpoint],
    );
  });
}

export interface AttemptRecord {
  statusCode: number | null;
  latencyMs: number;
  responseExcerpt: string;
  error: string | null;
}

/**
 * Logs the attempt and moves the message on: delivered, due again at `retryAt`, or failed for
 * good (retryAt null), then the next message of its key is due. Only the attempt that holds the
 * claim moves it (a slower one whose lease ran out only logs). Returns whether it moved.
 */
export async function recordAttempt(
  db: Queryable,
  m: Pick<ClaimedMessage, 'orgId' | 'endpointId' | 'eventId' | 'orderKey' | 'attempt'>,
  a: AttemptRecord & { ok: boolean; retryAt: Date | null },
  now: Date,
): Promise<boolean> {
  await db.query(
    `INSERT INTO webhook_attempts (org_id, endpoint_id, event_id, attempted_at, status_code, latency_ms, response_excerpt, error)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [m.orgId, m.endpointId, m.eventId, now, a.statusCode, a.latencyMs, a.responseExcerpt, a.error],
  );
  const done = a.ok || a.retryAt === null;
  const rows = await db.query(
    `UPDATE webhook_messages SET status = CASE WHEN $5 THEN 'delivered' WHEN $6::timestamptz IS NULL THEN 'failed' ELSE 'pending' END,
            next_attempt_at = $6, leased_until = NULL
      WHERE org_id = $1 AND endpoint_id = $2 AND event_id = $3 AND attempts = $4 AND status = 'pending' RETURNING event_id`,
    [m.orgId, m.endpointId, m.eventId, m.attempt, a.ok, a.ok ? null : a.retryAt],
  );
  if (rows.length > 0 && done) await startNextOfQueue(db, m.orgId, m.endpointId, m.orderKey);
  return rows.length > 0;
}

/**
 * The key's head is gone: the next of its queue is due at once. (It waits for a message being
 * added behind the last one: see 024_webhook_queues.sql.)
 */
async function startNextOfQueue(db: Queryable, orgId: string, endpointId: string, orderKey: string): Promise<void> {
  await db.query(
    `UPDATE webhook_messages SET next_attempt_at = '-infinity'
      WHERE (org_id, endpoint_id, event_id) = (SELECT org_id, endpoint_id, event_id FROM webhook_messages
               WHERE endpoint_id = $2 AND order_key = $3 AND status = 'pending' AND org_id = $1 ORDER BY seq LIMIT 1)
        AND next_attempt_at IS NULL`,
    [orgId, endpointId, orderKey],
  );
}

/** Turns off an endpoint whose retries ran out; returns the organization's admins to tell (none if it was off already). */
export async function disableFailingEndpoint(
  db: Queryable,
  orgId: string,
  id: string,
  now: Date,
): Promise<{ url: string; adminIds: string[] } | undefined> {
  const [row] = await db.query<{ url: string; adminIds: string[] }>(
    `UPDATE webhook_endpoints SET enabled = false, disabled_reason = 'failing', updated_at = $3
      WHERE org_id = $1 AND id = $2 AND enabled
     RETURNING url, ARRAY(SELECT p.id FROM people p WHERE p.org_id = $1 AND p.role = 'admin' AND p.status = 'active' AND p.deleted_at IS NULL) AS "adminIds"`,
    [orgId, id, now],
  );
  return row;
}

export interface Delivery {
  id: string;
  eventId: string;
  type: string;
  attemptedAt: Date;
  statusCode: number | null;
  latencyMs: number;
  responseExcerpt: string;
  error: string | null;
  /** where the message stands now: pending, delivered or failed */
  messageStatus: 'pending' | 'delivered' | 'failed';
}

/** An endpoint's delivery log, newest first, keyset paged. */
export function listAttempts(
  db: Queryable,
  orgId: string,
  endpointId: string,
  opts: { before?: { at: string; id: string } | undefined; limit: number },
) {
  return db.query<Delivery>(
    `SELECT a.id, a.event_id AS "eventId", ev.type, a.attempted_at AS "attemptedAt", a.status_code AS "statusCode",
            a.latency_ms AS "latencyMs", a.response_excerpt AS "responseExcerpt", a.error, m.status AS "messageStatus"
       FROM webhook_attempts a
       JOIN webhook_events ev ON ev.org_id = a.org_id AND ev.id = a.event_id
       JOIN webhook_messages m ON m.org_id = a.org_id AND m.endpoint_id = a.endpoint_id AND m.event_id = a.event_id
      WHERE a.org_id = $1 AND a.endpoint_id = $2 AND ($3::timestamptz IS NULL OR (a.attempted_at, a.id) < ($3, $4::uuid))
      ORDER BY a.attempted_at DESC, a.id DESC LIMIT $5`,
    [orgId, endpointId, opts.before?.at ?? null, opts.before?.id ?? null, opts.limit],
  );
}

/**
 * Sends an event to the endpoint again, with the same webhook-id and a fresh retry schedule: at
 * once, or after the messages of its key already waiting there. False when the endpoint never had it.
 */
export async function requeueMessage(
  db: Queryable,
  orgId: string,
  endpointId: string,
  eventId: string,
): Promise<boolean> {
  // the queue's last pending message other than this one, share-locked as an event added does
  const [message] = await db.query<{ last: number | null }>(
    `SELECT last.seq AS last FROM webhook_messages m
       LEFT JOIN LATERAL (SELECT b.seq FROM webhook_messages b WHERE b.endpoint_id = m.endpoint_id AND b.order_key = m.order_key
                             AND b.status = 'pending' AND b.org_id = m.org_id AND b.event_id <> m.event_id
                           ORDER BY b.seq DESC LIMIT 1 FOR SHARE) last ON true
      WHERE m.org_id = $1 AND m.endpoint_id = $2 AND m.event_id = $3`,
    [orgId, endpointId, eventId],
  );
  if (!message) return false;
  await db.query(
    `UPDATE webhook_messages m SET status = 'pending', attempts = 0, leased_until = NULL,
            seq = CASE WHEN m.status = 'pending' THEN m.seq ELSE nextval('webhook_messages_seq') END,
            next_attempt_at = CASE
              WHEN m.status = 'pending' THEN CASE WHEN m.next_attempt_at IS NOT NULL THEN '-infinity'::timestamptz END
              WHEN $4::bigint IS NOT NULL THEN NULL
              ELSE '-infinity' END
      WHERE org_id = $1 AND endpoint_id = $2 AND event_id = $3`,
    [orgId, endpointId, eventId, message.last],
  );
  return true;
}
