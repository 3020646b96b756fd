import type { Queryable } from './database.js';

export type SelfServicePolicy = 'Enabled' | 'Disabled' | 'OnlyTrialsWithoutPaymentMethod';

/** The organization's policy for a product; a product never set is Enabled. */
export async function findPolicy(db: Queryable, orgId: string, productId: string): Promise<SelfServicePolicy> {
  const [row] = await db.query<{ value: SelfServicePolicy }>(
    'SELECT value FROM self_service_policies WHERE org_id = $1 AND product_id = $2',
    [orgId, productId],
  );
  return row?.value ?? 'Enabled';
}

export async function upsertPolicy(
  db: Queryable,
  orgId: string,
  productId: string,
  value: SelfServicePolicy,
  by: string,
  now: Date,
): Promise<void> {
  await db.query(
    `INSERT INTO self_service_policies (org_id, product_id, value, updated_at, updated_by) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (org_id, product_id) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
    [orgId, productId, value, now, by],
  );
}
