import type { Queryable } from './database.js';
import { PERSON_JSON, type Person } from './people.js';

export interface Credential {
  id: string;
  person: Person;
  csrfToken: string | null;
}

/** A credential as a request presented it: a session cookie or a bearer token. */
export type Authenticated = Credential & { via: 'session' | 'token' };

export async function insertSession(
  db: Queryable,
  s: { orgId: string; personId: string; tokenHash: Buffer; csrfToken: string; now: Date; expiresAt: Date },
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO sessions (org_id, person_id, token_hash, csrf_token, created_at, last_seen_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $5, $6) RETURNING id`,
    [s.orgId, s.personId, s.tokenHash, s.csrfToken, s.now, s.expiresAt],
  );
  return row!.id;
}

/**
 * The live session for a token: not revoked, not past its absolute expiry, used within the
 * idle timeout, and its person still active. Touches last_seen_at at most once a minute.
 */
export async function useSession(
  db: Queryable,
  tokenHash: Buffer,
  now: Date,
  idleMs: number,
): Promise<Credential | undefined> {
  const [row] = await db.query<Credential & { lastSeenAt: Date; orgId: string }>(
    `SELECT s.id, s.org_id AS "orgId", s.csrf_token AS "csrfToken", s.last_seen_at AS "lastSeenAt", ${PERSON_JSON} AS person
       FROM sessions s JOIN people p ON p.org_id = s.org_id AND p.id = s.person_id
      WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2
        AND s.last_seen_at > $3 AND p.status = 'active'`,
    [tokenHash, now, new Date(now.getTime() - idleMs)],
  );
  if (!row) return undefined;
  if (now.getTime() - new Date(row.lastSeenAt).getTime() > 60_000) {
    await db.query('UPDATE sessions SET last_seen_at = $3 WHERE org_id = $1 AND id = $2', [row.orgId, row.id, now]);
  }
  return { id: row.id, person: row.person, csrfToken: row.csrfToken };
}

export async function revokeSession(db: Queryable, orgId: string, id: string, now: Date): Promise<void> {
  await db.query('UPDATE sessions SET revoked_at = $3 WHERE org_id = $1 AND id = $2 AND revoked_at IS NULL', [
    orgId,
    id,
    now,
  ]);
}

/** A disabled person's sessions and tokens stop at once: they are revoked, not just checked. */
export async function revokeAllCredentials(db: Queryable, orgId: string, personId: string, now: Date): Promise<void> {
  await db.query('UPDATE sessions SET revoked_at = $3 WHERE org_id = $1 AND person_id = $2 AND revoked_at IS NULL', [
    orgId,
    personId,
    now,
  ]);
  await db.query('UPDATE api_tokens SET revoked_at = $3 WHERE org_id = $1 AND person_id = $2 AND revoked_at IS NULL', [
    orgId,
    personId,
    now,
  ]);
}
