import type { Queryable } from './database.js';

export interface PersonLicense {
  subscriptionId: string;
  buyerId: string;
  status: string;
  skuId: string;
  skuPartNumber: string;
  servicePlans: { servicePlanId: string; servicePlanName: string; appliesTo: string }[];
  disabledPlans: string[];
}

/** The licenses a person holds, with their product's service plans and those switched off (Graph's licenseDetails). */
export function licensesWithPlans(db: Queryable, orgId: string, personId: string): Promise<PersonLicense[]> {
  return db.query<PersonLicense>(
    `SELECT la.subscription_id AS "subscriptionId", s.buyer_id AS "buyerId", s.status, pr.sku_id AS "skuId",
            pr.sku_part_number AS "skuPartNumber", pr.service_plans AS "servicePlans",
            coalesce(dp.service_plan_ids, '{}') AS "disabledPlans"
       FROM license_assignments la
       JOIN subscriptions s ON s.org_id = la.org_id AND s.id = la.subscription_id
       JOIN products pr ON pr.id = la.product_id
       LEFT JOIN license_disabled_plans dp ON dp.org_id = la.org_id AND dp.subscription_id = la.subscription_id AND dp.person_id = la.person_id
      WHERE la.org_id = $1 AND la.person_id = $2 ORDER BY pr.sort_order`,
    [orgId, personId],
  );
}

/** Which service plans of one license are off (none: the row goes); the assignment must exist. */
export async function setDisabledPlans(
  db: Queryable,
  a: { orgId: string; subscriptionId: string; personId: string; planIds: string[] },
): Promise<void> {
  if (a.planIds.length === 0) {
    await db.query('DELETE FROM license_disabled_plans WHERE org_id = $1 AND subscription_id = $2 AND person_id = $3', [
      a.orgId,
      a.subscriptionId,
      a.personId,
    ]);
    return;
  }
  await db.query(
    `INSERT INTO license_disabled_plans (org_id, subscription_id, person_id, service_plan_ids) VALUES ($1, $2, $3, $4::uuid[])
     ON CONFLICT (org_id, subscription_id, person_id) DO UPDATE SET service_plan_ids = EXCLUDED.service_plan_ids`,
    [a.orgId, a.subscriptionId, a.personId, a.planIds],
  );
}
