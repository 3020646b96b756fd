import type { Queryable } from './database.js';

/** A named bearer token as its owner lists it (a personal API token, a SCIM provisioning token): never its secret. */
export interface NamedToken {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

export const NAMED_TOKEN_COLUMNS = `id, name, created_at AS "createdAt", last_used_at AS "lastUsedAt"`;

/**
 * Notes that a credential was just used, at most once a minute: "last used" is shown to the
 * minute, and a write on every request would cost more than it tells.
 */
export async function noteUse(
  db: Queryable,
  table: 'api_tokens' | 'scim_tokens' | 'apps',
  row: { orgId: string; id: string; lastUsedAt: Date | null },
  now: Date,
): Promise<void> {
  if (row.lastUsedAt && now.getTime() - new Date(row.lastUsedAt).getTime() <= 60_000) return;
  await db.query(`UPDATE ${table} SET last_used_at = $3 WHERE org_id = $1 AND id = $2`, [row.orgId, row.id, now]);
}
