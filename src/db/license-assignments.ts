import type { Queryable } from './database.js';
import { PERSON_COLUMNS, type Person } from './people.js';

export interface Assignment {
  person: { id: string; displayName: string; email: string; usageLocation: string | null };
  assignedAt: Date;
  assignedBy: { id: string; displayName: string } | null;
}

/** A subscription's licensed people by name, keyset paged. */
export function listAssignments(db: Queryable, orgId: string, subscriptionId: string, opts: { after?: { name: string; id: string }; limit: number }) {
  return db.query<Assignment & { sortName: string }>(
    `SELECT jsonb_build_object('id', p.id, 'displayName', p.display_name, 'email', p.email, 'usageLocation', p.usage_location) AS person,
            la.assigned_at AS "assignedAt",
            CASE WHEN by.id IS NULL THEN NULL ELSE jsonb_build_object('id', by.id, 'displayName', by.display_name) END AS "assignedBy",
            p.search_name AS "sortName"
       FROM license_assignments la
       JOIN people p ON p.org_id = la.org_id AND p.id = la.person_id
       LEFT JOIN people by ON by.org_id = la.org_id AND by.id = la.assigned_by
      WHERE la.org_id = $1 AND la.subscription_id = $2 AND ($3::text IS NULL OR (p.search_name, p.id) > ($3, $4::uuid))
      ORDER BY p.search_name, p.id LIMIT $5`,
    [orgId, subscriptionId, opts.after?.name ?? null, opts.after?.id ?? null, opts.limit],
  );
}

/** These people of the organization, each with the subscription that gives them the product, if any (one round trip). */
export function findCandidates(db: Queryable, orgId: string, productId: string, personIds: string[]) {
  return db.query<Person & { holdingSubscriptionId: string | null }>(
    `SELECT ${PERSON_COLUMNS},
            (SELECT la.subscription_id FROM license_assignments la WHERE la.org_id = p.org_id AND la.product_id = $2 AND la.person_id = p.id) AS "holdingSubscriptionId"
       FROM people p WHERE p.org_id = $1 AND p.id = ANY($3::uuid[])`,
    [orgId, productId, personIds],
  );
}

/**
 * Inserts the assignments and their audit event in one statement: the seat lock the caller
 * holds is released at commit, so every round trip saved here is time others do not wait.
 * A person already on this subscription (the same request sent twice) is skipped, not an
 * error; a license of the product on another subscription still violates the unique key.
 * Returns the people actually added.
 */
export async function insertAssignments(db: Queryable, a: { orgId: string; subscriptionId: string; productId: string; personIds: string[]; by: string }, now: Date): Promise<string[]> {
  if (a.personIds.length === 0) return [];
  const rows = await db.query<{ personId: string }>(
    `WITH added AS (
       INSERT INTO license_assignments (org_id, subscription_id, person_id, product_id, assigned_at, assigned_by)
       SELECT $1, $2, unnest($3::uuid[]), $4, $5, $6
       ON CONFLICT (org_id, subscription_id, person_id) DO NOTHING RETURNING person_id
     ), audited AS (
       INSERT INTO audit_events (org_id, at, actor_id, action, object_type, object_id, details)
       SELECT $1, $5, $6, 'license.assigned', 'subscription', $2::text, jsonb_build_object('users', jsonb_agg(person_id)) FROM added
       HAVING count(*) > 0
     )
     SELECT person_id AS "personId" FROM added`,
    [a.orgId, a.subscriptionId, a.personIds, a.productId, now, a.by],
  );
  return rows.map((r) => r.personId);
}

/** Deletes the assignments and, when there were any, writes their audit event, in one statement. */
export async function deleteAssignments(db: Queryable, a: { orgId: string; subscriptionId: string; personIds: string[]; by: string }, now: Date): Promise<string[]> {
  const rows = await db.query<{ personId: string }>(
    `WITH removed AS (
       DELETE FROM license_assignments WHERE org_id = $1 AND subscription_id = $2 AND person_id = ANY($3::uuid[]) RETURNING person_id
     ), audited AS (
       INSERT INTO audit_events (org_id, at, actor_id, action, object_type, object_id, details)
       SELECT $1, $4, $5, 'license.unassigned', 'subscription', $2::text, jsonb_build_object('users', jsonb_agg(person_id)) FROM removed
       HAVING count(*) > 0
     )
     SELECT person_id AS "personId" FROM removed`,
    [a.orgId, a.subscriptionId, a.personIds, now, a.by],
  );
  return rows.map((r) => r.personId);
}

/** The licenses a person holds, with their product (Graph's licenseDetails). */
export function licensesOfPerson(db: Queryable, orgId: string, personId: string) {
  return db.query<{ subscriptionId: string; status: string; skuId: string; skuPartNumber: string; servicePlans: { servicePlanId: string; servicePlanName: string; appliesTo: string }[] }>(
    `SELECT la.subscription_id AS "subscriptionId", s.status, pr.sku_id AS "skuId", pr.sku_part_number AS "skuPartNumber", pr.service_plans AS "servicePlans"
       FROM license_assignments la
       JOIN subscriptions s ON s.org_id = la.org_id AND s.id = la.subscription_id
       JOIN products pr ON pr.id = la.product_id
      WHERE la.org_id = $1 AND la.person_id = $2 ORDER BY pr.sort_order`,
    [orgId, personId],
  );
}

/** Graph's subscribedSkus: per product, the units in each state and those consumed. */
export function subscribedSkus(db: Queryable, orgId: string, buyerId: string | null) {
  return db.query<{
    productId: string; skuId: string; skuPartNumber: string; servicePlans: { servicePlanId: string; servicePlanName: string; appliesTo: string }[];
    consumed: number; enabled: number; warning: number; suspended: number; subscriptionIds: string[];
  }>(
    `SELECT pr.id AS "productId", pr.sku_id AS "skuId", pr.sku_part_number AS "skuPartNumber", pr.service_plans AS "servicePlans",
            sum(s.assigned)::int AS consumed,
            coalesce(sum(s.quantity) FILTER (WHERE s.status IN ('trial', 'active')), 0)::int AS enabled,
            coalesce(sum(s.quantity) FILTER (WHERE s.status = 'expired'), 0)::int AS warning,
            coalesce(sum(s.quantity) FILTER (WHERE s.status = 'disabled'), 0)::int AS suspended,
            array_agg(s.id ORDER BY s.created_at) AS "subscriptionIds"
       FROM subscriptions s JOIN products pr ON pr.id = s.product_id
      WHERE s.org_id = $1 AND ($2::uuid IS NULL OR s.buyer_id = $2) AND s.status <> 'deleted'
      GROUP BY pr.id ORDER BY pr.sort_order`,
    [orgId, buyerId],
  );
}
