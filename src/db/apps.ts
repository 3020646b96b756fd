import type { Queryable } from './database.js';
import { noteUse } from './named-tokens.js';
import { PERSON_JSON, type Person } from './people.js';
import type { AppRole } from '../domain/graph-permissions.js';

export interface App {
  id: string;
  name: string;
  roles: AppRole[];
  secretHint: string;
  owner: { id: string; displayName: string };
  createdAt: Date;
  secretCreatedAt: Date;
  lastUsedAt: Date | null;
}

const COLUMNS = `a.id, a.name, a.roles, a.secret_hint AS "secretHint",
  jsonb_build_object('id', o.id, 'displayName', o.display_name) AS owner,
  a.created_at AS "createdAt", a.secret_created_at AS "secretCreatedAt", a.last_used_at AS "lastUsedAt"`;

export async function insertApp(
  db: Queryable,
  a: {
    orgId: string;
    name: string;
    roles: AppRole[];
    secretHash: Buffer;
    secretHint: string;
    ownerId: string;
    now: Date;
  },
): Promise<App> {
  const [row] = await db.query<App>(
    `WITH a AS (
       INSERT INTO apps (org_id, name, roles, secret_hash, secret_hint, owner_id, created_at, secret_created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING *
     )
     SELECT ${COLUMNS} FROM a JOIN people o ON o.org_id = a.org_id AND o.id = a.owner_id`,
    [a.orgId, a.name, a.roles, a.secretHash, a.secretHint, a.ownerId, a.now],
  );
  return row!;
}

export function listApps(db: Queryable, orgId: string): Promise<App[]> {
  return db.query<App>(
    `SELECT ${COLUMNS} FROM apps a JOIN people o ON o.org_id = a.org_id AND o.id = a.owner_id
      WHERE a.org_id = $1 AND a.revoked_at IS NULL ORDER BY a.created_at DESC, a.id`,
    [orgId],
  );
}

/** A new secret replaces the old one at once; false when there is no live app by that id. */
export async function replaceAppSecret(
  db: Queryable,
  orgId: string,
  id: string,
  s: { secretHash: Buffer; secretHint: string; now: Date },
): Promise<App | undefined> {
  const [row] = await db.query<App>(
    `WITH a AS (
       UPDATE apps SET secret_hash = $3, secret_hint = $4, secret_created_at = $5
        WHERE org_id = $1 AND id = $2 AND revoked_at IS NULL RETURNING *
     )
     SELECT ${COLUMNS} FROM a JOIN people o ON o.org_id = a.org_id AND o.id = a.owner_id`,
    [orgId, id, s.secretHash, s.secretHint, s.now],
  );
  return row;
}

export async function revokeApp(db: Queryable, orgId: string, id: string, now: Date): Promise<boolean> {
  const rows = await db.query(
    'UPDATE apps SET revoked_at = $3 WHERE org_id = $1 AND id = $2 AND revoked_at IS NULL RETURNING id',
    [orgId, id, now],
  );
  return rows.length === 1;
}

/** What the token endpoint and the API check of an app: whether it is live, and who it acts for. */
export interface AppCredential {
  orgId: string;
  id: string;
  name: string;
  roles: string[];
  secretHash: Buffer;
  revoked: boolean;
  /** the registering admin, as they are now */
  owner: Person & { deleted: boolean };
}

/**
 * An app of the organization, revoked or not, with its owner; notes its use at most once a
 * minute. The organization must match: a client id is only known in its own tenant.
 */
export async function findAppCredential(
  db: Queryable,
  orgId: string,
  id: string,
  now: Date,
): Promise<AppCredential | undefined> {
  const [row] = await db.query<AppCredential & { lastUsedAt: Date | null }>(
    `SELECT a.org_id AS "orgId", a.id, a.name, a.roles, a.secret_hash AS "secretHash", a.revoked_at IS NOT NULL AS revoked,
            a.last_used_at AS "lastUsedAt",
            ${PERSON_JSON} || jsonb_build_object('deleted', p.deleted_at IS NOT NULL) AS owner
       FROM apps a JOIN people p ON p.org_id = a.org_id AND p.id = a.owner_id
      WHERE a.org_id = $1 AND a.id = $2`,
    [orgId, id],
  );
  if (!row) return undefined;
  if (!row.revoked) await noteUse(db, 'apps', row, now);
  const { lastUsedAt: _, ...credential } = row;
  return credential;
}

export interface SigningKey {
  kid: string;
  privateJwk: Record<string, unknown>;
  publicJwk: Record<string, unknown>;
}

export async function findSigningKey(db: Queryable, purpose: string): Promise<SigningKey | undefined> {
  const [row] = await db.query<SigningKey>(
    `SELECT kid, private_jwk AS "privateJwk", public_jwk AS "publicJwk" FROM token_signing_keys WHERE purpose = $1`,
    [purpose],
  );
  return row;
}

/** Stores a purpose's key unless another server stored one first: then theirs is kept. */
export async function insertSigningKey(db: Queryable, purpose: string, key: SigningKey, now: Date): Promise<void> {
  await db.query(
    `INSERT INTO token_signing_keys (purpose, kid, private_jwk, public_jwk, created_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (purpose) DO NOTHING`,
    [purpose, key.kid, JSON.stringify(key.privateJwk), JSON.stringify(key.publicJwk), now],
  );
}
