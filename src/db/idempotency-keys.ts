import type { Queryable } from './database.js';

export interface IdempotencyRecord {
  requestHash: string;
  responseStatus: number | null;
  responseBody: unknown;
}

/**
 * Claims a key for a request: true when this request is the first with it. The primary key
 * makes two concurrent requests with one key race for one row: only one wins.
 */
export async function claimIdempotencyKey(
  db: Queryable,
  k: { orgId: string; personId: string; key: string; requestHash: string },
  now: Date,
  expiresAt: Date,
): Promise<boolean> {
  // an expired key is forgotten first, so it can be used again
  await db.query(
    'DELETE FROM idempotency_keys WHERE org_id = $1 AND person_id = $2 AND key = $3 AND expires_at <= $4',
    [k.orgId, k.personId, k.key, now],
  );
  const rows = await db.query(
    `INSERT INTO idempotency_keys (org_id, person_id, key, request_hash, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING key`,
    [k.orgId, k.personId, k.key, k.requestHash, now, expiresAt],
  );
  return rows.length === 1;
}

export async function findIdempotencyKey(
  db: Queryable,
  orgId: string,
  personId: string,
  key: string,
): Promise<IdempotencyRecord | undefined> {
  const [row] = await db.query<IdempotencyRecord>(
    `SELECT request_hash AS "requestHash", response_status AS "responseStatus", response_body AS "responseBody"
       FROM idempotency_keys WHERE org_id = $1 AND person_id = $2 AND key = $3`,
    [orgId, personId, key],
  );
  return row;
}

export async function saveIdempotentResponse(
  db: Queryable,
  orgId: string,
  personId: string,
  key: string,
  status: number,
  body: unknown,
): Promise<void> {
  await db.query(
    'UPDATE idempotency_keys SET response_status = $4, response_body = $5 WHERE org_id = $1 AND person_id = $2 AND key = $3',
    [orgId, personId, key, status, JSON.stringify(body ?? null)],
  );
}

/** Lets a request that failed on our side be retried with the same key. */
export async function releaseIdempotencyKey(
  db: Queryable,
  orgId: string,
  personId: string,
  key: string,
): Promise<void> {
  await db.query(
    'DELETE FROM idempotency_keys WHERE org_id = $1 AND person_id = $2 AND key = $3 AND response_status IS NULL',
    [orgId, personId, key],
  );
}

export async function purgeExpiredIdempotencyKeys(db: Queryable, now: Date): Promise<number> {
  const rows = await db.query('DELETE FROM idempotency_keys WHERE expires_at <= $1 RETURNING key', [now]);
  return rows.length;
}

/**
 * Takes over a key whose request never answered (its server died) once `staleBefore` has
 * passed. Safe even if that request is in fact still running: the charge it makes carries its
 * own idempotency key, so the gateway moves money once whoever finishes the work.
 */
export async function takeOverStaleKey(
  db: Queryable,
  k: { orgId: string; personId: string; key: string; requestHash: string },
  now: Date,
  staleBefore: Date,
): Promise<boolean> {
  const rows = await db.query(
    `UPDATE idempotency_keys SET created_at = $5 WHERE org_id = $1 AND person_id = $2 AND key = $3 AND request_hash = $4
        AND response_status IS NULL AND created_at <= $6 RETURNING key`,
    [k.orgId, k.personId, k.key, k.requestHash, now, staleBefore],
  );
  return rows.length === 1;
}
