import type { Queryable } from './database.js';
import type { Currency } from '../domain/money.js';

export interface Organization {
  id: string;
  name: string;
  country: string;
  currency: Currency;
  invoicePrefix: string;
}

const COLUMNS = `id, name, country, currency, invoice_prefix AS "invoicePrefix"`;

export async function insertOrganization(db: Queryable, org: Omit<Organization, 'id'>): Promise<Organization> {
  const [row] = await db.query<Organization>(
    `INSERT INTO organizations (name, country, currency, invoice_prefix) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
    [org.name, org.country, org.currency, org.invoicePrefix],
  );
  return row!;
}

export async function findOrganization(db: Queryable, id: string): Promise<Organization | undefined> {
  const [row] = await db.query<Organization>(`SELECT ${COLUMNS} FROM organizations WHERE id = $1`, [id]);
  return row;
}

export async function countOrganizations(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM organizations');
  return row!.n;
}

/** Organizations by name, keyset-paged after (name, id): the operator's list. */
export function listOrganizations(
  db: Queryable,
  opts: { limit: number; after?: { name: string; id: string } | undefined },
) {
  return db.query<Organization & { createdAt: Date }>(
    `SELECT ${COLUMNS}, created_at AS "createdAt" FROM organizations
      WHERE ($1::text IS NULL OR (name, id) > ($1, $2::uuid)) ORDER BY name, id LIMIT $3`,
    [opts.after?.name ?? null, opts.after?.id ?? null, opts.limit],
  );
}
