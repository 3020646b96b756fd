import type { Queryable } from './database.js';

export interface IdentityProvider {
  orgId: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  jitProvisioning: boolean;
  updatedAt: Date;
}

const COLUMNS = `org_id AS "orgId", issuer, client_id AS "clientId", client_secret AS "clientSecret",
  jit_provisioning AS "jitProvisioning", updated_at AS "updatedAt"`;

export async function findIdentityProvider(db: Queryable, orgId: string): Promise<IdentityProvider | undefined> {
  const [row] = await db.query<IdentityProvider>(`SELECT ${COLUMNS} FROM identity_providers WHERE org_id = $1`, [
    orgId,
  ]);
  return row;
}

/** Sets the organization's provider. */
export async function upsertIdentityProvider(
  db: Queryable,
  p: { orgId: string; issuer: string; clientId: string; clientSecret: string; jitProvisioning: boolean },
  now: Date,
): Promise<IdentityProvider> {
  const [row] = await db.query<IdentityProvider>(
    `INSERT INTO identity_providers (org_id, issuer, client_id, client_secret, jit_provisioning, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $6)
     ON CONFLICT (org_id) DO UPDATE SET issuer = EXCLUDED.issuer, client_id = EXCLUDED.client_id,
       client_secret = EXCLUDED.client_secret, jit_provisioning = EXCLUDED.jit_provisioning, updated_at = EXCLUDED.updated_at
     RETURNING ${COLUMNS}`,
    [p.orgId, p.issuer, p.clientId, p.clientSecret, p.jitProvisioning, now],
  );
  return row!;
}

export async function deleteIdentityProvider(db: Queryable, orgId: string): Promise<boolean> {
  return (await db.query('DELETE FROM identity_providers WHERE org_id = $1 RETURNING org_id', [orgId])).length === 1;
}

/**
 * The organization whose provider signs in this address: the one that has its domain verified
 * and a provider set. Undefined: the address signs in with a password.
 */
export async function findProviderForDomain(db: Queryable, domain: string): Promise<IdentityProvider | undefined> {
  const [row] = await db.query<IdentityProvider>(
    `SELECT ${COLUMNS} FROM identity_providers
      WHERE org_id = (SELECT org_id FROM organization_domains WHERE domain = $1 AND verified_at IS NOT NULL)`,
    [domain],
  );
  return row;
}
