import type { Queryable } from './database.js';

export async function insertSsoRequest(
  db: Queryable,
  r: { stateHash: Buffer; orgId: string; codeVerifier: string; nonce: string; now: Date; expiresAt: Date },
): Promise<void> {
  // requests nobody finished are forgotten as new ones come
  await db.query('DELETE FROM sso_requests WHERE expires_at < $1', [r.now]);
  await db.query(
    `INSERT INTO sso_requests (state_hash, org_id, code_verifier, nonce, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)`,
    [r.stateHash, r.orgId, r.codeVerifier, r.nonce, r.now, r.expiresAt],
  );
}

/** Uses up the request for a state: of two answers presenting it, only the first gets it. */
export async function useSsoRequest(db: Queryable, stateHash: Buffer, now: Date) {
  const [row] = await db.query<{ orgId: string; codeVerifier: string; nonce: string }>(
    `UPDATE sso_requests SET used_at = $2 WHERE state_hash = $1 AND used_at IS NULL AND expires_at > $2
     RETURNING org_id AS "orgId", code_verifier AS "codeVerifier", nonce`,
    [stateHash, now],
  );
  return row;
}
