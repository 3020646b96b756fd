import type { Queryable } from './database.js';

export interface Domain {
  domain: string;
  verificationToken: string;
  verifiedAt: Date | null;
  verifiedBy: 'operator' | 'dns' | null;
  createdAt: Date;
}

const COLUMNS = `domain, verification_token AS "verificationToken", verified_at AS "verifiedAt",
  verified_by AS "verifiedBy", created_at AS "createdAt"`;

/** Claims a domain for the organization; a claim made already is returned as it is (`created` false). */
export async function claimDomain(
  db: Queryable,
  orgId: string,
  domain: string,
  verificationToken: string,
  now: Date,
): Promise<Domain & { created: boolean }> {
  const [row] = await db.query<Domain & { created: boolean }>(
    `INSERT INTO organization_domains (org_id, domain, verification_token, created_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (org_id, domain) DO UPDATE SET domain = EXCLUDED.domain RETURNING ${COLUMNS}, xmax = 0 AS created`,
    [orgId, domain, verificationToken, now],
  );
  return row!;
}

/**
 * Marks the organization's unverified claim verified (undefined when there is none). Violates
 * organization_domains_verified_key when another organization has the domain verified (a
 * domain belongs to one organization at most).
 */
export async function markDomainVerified(
  db: Queryable,
  orgId: string,
  domain: string,
  by: 'operator' | 'dns',
  now: Date,
): Promise<Domain | undefined> {
  const [row] = await db.query<Domain>(
    `UPDATE organization_domains SET verified_at = $3, verified_by = $4
      WHERE org_id = $1 AND domain = $2 AND verified_at IS NULL RETURNING ${COLUMNS}`,
    [orgId, domain, now, by],
  );
  return row;
}

export async function findDomain(db: Queryable, orgId: string, domain: string): Promise<Domain | undefined> {
  const [row] = await db.query<Domain>(
    `SELECT ${COLUMNS} FROM organization_domains WHERE org_id = $1 AND domain = $2`,
    [orgId, domain],
  );
  return row;
}

export function listDomains(db: Queryable, orgId: string): Promise<Domain[]> {
  return db.query<Domain>(`SELECT ${COLUMNS} FROM organization_domains WHERE org_id = $1 ORDER BY domain`, [orgId]);
}

export async function deleteDomain(db: Queryable, orgId: string, domain: string): Promise<boolean> {
  return (
    (
      await db.query('DELETE FROM organization_domains WHERE org_id = $1 AND domain = $2 RETURNING domain', [
        orgId,
        domain,
      ])
    ).length === 1
  );
}

/** The organization that has this domain verified, if any. */
export async function findVerifiedDomainOwner(db: Queryable, domain: string): Promise<string | undefined> {
  const [row] = await db.query<{ orgId: string }>(
    'SELECT org_id AS "orgId" FROM organization_domains WHERE domain = $1 AND verified_at IS NOT NULL',
    [domain],
  );
  return row?.orgId;
}
