import type { Queryable } from './database.js';
import { NAMED_TOKEN_COLUMNS as COLUMNS, noteUse, type NamedToken as ScimToken } from './named-tokens.js';

export async function insertScimToken(
  db: Queryable,
  t: { orgId: string; name: string; tokenHash: Buffer; createdBy: string; now: Date },
): Promise<ScimToken> {
  const [row] = await db.query<ScimToken>(
    `INSERT INTO scim_tokens (org_id, name, token_hash, created_by, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
    [t.orgId, t.name, t.tokenHash, t.createdBy, t.now],
  );
  return row!;
}

export function listScimTokens(db: Queryable, orgId: string): Promise<ScimToken[]> {
  return db.query<ScimToken>(
    `SELECT ${COLUMNS} FROM scim_tokens WHERE org_id = $1 AND revoked_at IS NULL ORDER BY created_at DESC`,
    [orgId],
  );
}

export async function revokeScimToken(db: Queryable, orgId: string, id: string, now: Date): Promise<boolean> {
  return (
    (
      await db.query(
        'UPDATE scim_tokens SET revoked_at = $3 WHERE org_id = $1 AND id = $2 AND revoked_at IS NULL RETURNING id',
        [orgId, id, now],
      )
    ).length === 1
  );
}

/** The organization a live token provisions; notes its use at most once a minute. */
export async function useScimToken(
  db: Queryable,
  tokenHash: Buffer,
  now: Date,
): Promise<{ orgId: string; id: string; name: string } | undefined> {
  const [row] = await db.query<{ orgId: string; id: string; name: string; lastUsedAt: Date | null }>(
    `SELECT org_id AS "orgId", id, name, last_used_at AS "lastUsedAt" FROM scim_tokens WHERE token_hash = $1 AND revoked_at IS NULL`,
    [tokenHash],
  );
  if (!row) return undefined;
  await noteUse(db, 'scim_tokens', row, now);
  return { orgId: row.orgId, id: row.id, name: row.name };
}
