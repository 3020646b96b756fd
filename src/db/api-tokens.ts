import type { Queryable } from './database.js';
import type { Credential } from './sessions.js';
import { PERSON_JSON } from './people.js';
import { NAMED_TOKEN_COLUMNS as COLUMNS, noteUse, type NamedToken as ApiToken } from './named-tokens.js';

export async function insertApiToken(
  db: Queryable,
  t: { orgId: string; personId: string; name: string; tokenHash: Buffer; now: Date },
): Promise<ApiToken> {
  const [row] = await db.query<ApiToken>(
    `INSERT INTO api_tokens (org_id, person_id, name, token_hash, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
    [t.orgId, t.personId, t.name, t.tokenHash, t.now],
  );
  return row!;
}

export function listApiTokens(db: Queryable, orgId: string, personId: string): Promise<ApiToken[]> {
  return db.query<ApiToken>(
    `SELECT ${COLUMNS} FROM api_tokens WHERE org_id = $1 AND person_id = $2 AND revoked_at IS NULL ORDER BY created_at DESC`,
    [orgId, personId],
  );
}

/** The person behind a bearer token that is not revoked and whose person is active. */
export async function useApiToken(db: Queryable, tokenHash: Buffer, now: Date): Promise<Credential | undefined> {
  const [row] = await db.query<Credential & { orgId: string; lastUsedAt: Date | null }>(
    `SELECT t.id, t.org_id AS "orgId", t.last_used_at AS "lastUsedAt",
            ${PERSON_JSON} AS person
       FROM api_tokens t JOIN people p ON p.org_id = t.org_id AND p.id = t.person_id
      WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND p.status = 'active'`,
    [tokenHash],
  );
  if (!row) return undefined;
  await noteUse(db, 'api_tokens', row, now);
  return { id: row.id, person: row.person, csrfToken: null };
}

/** Revokes one of the person's own tokens; false when there is none by that id. */
export async function revokeApiToken(
  db: Queryable,
  orgId: string,
  personId: string,
  id: string,
  now: Date,
): Promise<boolean> {
  const rows = await db.query(
    `UPDATE api_tokens SET revoked_at = $4 WHERE org_id = $1 AND person_id = $2 AND id = $3 AND revoked_at IS NULL RETURNING id`,
    [orgId, personId, id, now],
  );
  return rows.length === 1;
}
