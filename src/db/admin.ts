import type { Queryable } from './database.js';
import type { SubscriptionStatus } from '../domain/subscription.js';
import type { SelfServicePolicy } from './policies.js';

/** A member's self-service purchase as the admin's read-only view shows it (the guide's six fields). */
export interface SelfServicePurchase {
  id: string;
  product: { id: string; name: string; skuPartNumber: string };
  buyer: { id: string; displayName: string; email: string };
  licensesPurchased: number;
  expirationDate: Date;
  unitPrice: number;
  term: 'monthly' | 'annual';
  currency: 'EUR' | 'USD' | 'GBP';
  status: SubscriptionStatus;
  createdAt: Date;
  assignedUsers: { id: string; displayName: string; email: string }[];
}

export interface PurchaseFilter {
  id?: string;
  productId?: string;
  buyerId?: string;
  status?: SubscriptionStatus;
  after?: { createdAt: string; id: string } | undefined;
  limit: number;
}

/**
 * Newest first, by keyset; deleted purchases only when asked for by status or id. Only the filters
 * given are in the SQL, so each combination is its own prepared statement with a plan that reads
 * the page in index order (a catch-all `$n IS NULL OR ...` makes the generic plan sort them all).
 */
export function listSelfServicePurchases(
  db: Queryable,
  orgId: string,
  f: PurchaseFilter,
): Promise<SelfServicePurchase[]> {
  const params: unknown[] = [orgId, f.limit];
  const param = (value: unknown) => `$${params.push(value)}`;
  const filters = [
    f.productId !== undefined && `s.product_id = ${param(f.productId)}`,
    f.buyerId !== undefined && `s.buyer_id = ${param(f.buyerId)}`,
    f.id !== undefined && `s.id = ${param(f.id)}`,
    f.status !== undefined ? `s.status = ${param(f.status)}` : f.id === undefined && "s.status <> 'deleted'",
    f.after && `(s.created_at, s.id) < (${param(f.after.createdAt)}, ${param(f.after.id)}::uuid)`,
  ]
    .filter(Boolean)
    .map((cond) => `AND ${cond}`)
    .join(' ');
  return db.query<SelfServicePurchase>(
    `SELECT s.id, jsonb_build_object('id', pr.id, 'name', pr.name, 'skuPartNumber', pr.sku_part_number) AS product,
            jsonb_build_object('id', b.id, 'displayName', b.display_name, 'email', b.email) AS buyer,
            s.quantity AS "licensesPurchased", s.term_end AS "expirationDate", s.unit_price AS "unitPrice", s.term, s.currency,
            s.status, s.created_at AS "createdAt",
            -- LIMIT 1 keeps one index lookup per assignment: the planner would otherwise merge-join
            -- the whole organization's people for every row of the page
            coalesce((SELECT jsonb_agg(jsonb_build_object('id', p.id, 'displayName', p.display_name, 'email', p.email) ORDER BY p.display_name, p.id)
                        FROM license_assignments la
                        CROSS JOIN LATERAL (SELECT p.id, p.display_name, p.email FROM people p WHERE p.org_id = la.org_id AND p.id = la.person_id LIMIT 1) p
                       WHERE la.org_id = s.org_id AND la.subscription_id = s.id), '[]'::jsonb) AS "assignedUsers"
       FROM subscriptions s
       JOIN products pr ON pr.id = s.product_id
       JOIN people b ON b.org_id = s.org_id AND b.id = s.buyer_id
      WHERE s.org_id = $1 AND s.self_service ${filters}
      ORDER BY s.created_at DESC, s.id DESC LIMIT $2`,
    params,
  );
}

export function purchasesByProduct(db: Queryable, orgId: string) {
  return db.query<{
    product: { id: string; name: string };
    purchases: number;
    totalLicenses: number;
    assigned: number;
  }>(
    `SELECT jsonb_build_object('id', pr.id, 'name', pr.name) AS product, count(*)::int AS purchases,
            sum(s.quantity)::int AS "totalLicenses", sum(s.assigned)::int AS assigned
       FROM subscriptions s JOIN products pr ON pr.id = s.product_id
      WHERE s.org_id = $1 AND s.self_service AND s.status <> 'deleted'
      GROUP BY pr.id, pr.name, pr.sort_order ORDER BY pr.sort_order`,
    [orgId],
  );
}

/** "Export users": each licensed person, grouped by purchaser. */
export function assignedUsersByPurchaser(db: Queryable, orgId: string) {
  return db.query<{
    buyerName: string;
    buyerEmail: string;
    product: string;
    userName: string;
    userEmail: string;
    assignedAt: Date;
  }>(
    `SELECT b.display_name AS "buyerName", b.email AS "buyerEmail", pr.name AS product,
            p.display_name AS "userName", p.email AS "userEmail", la.assigned_at AS "assignedAt"
       FROM subscriptions s
       JOIN people b ON b.org_id = s.org_id AND b.id = s.buyer_id
       JOIN products pr ON pr.id = s.product_id
       JOIN license_assignments la ON la.org_id = s.org_id AND la.subscription_id = s.id
       JOIN people p ON p.org_id = la.org_id AND p.id = la.person_id
      WHERE s.org_id = $1 AND s.self_service AND s.status <> 'deleted'
      ORDER BY b.display_name, b.email, pr.name, p.display_name, p.email`,
    [orgId],
  );
}

/** Every self-service eligible product with the organization's policy for it. */
export function listPolicies(db: Queryable, orgId: string) {
  return db.query<{ productId: string; productName: string; value: SelfServicePolicy; updatedAt: Date | null }>(
    `SELECT pr.id AS "productId", pr.name AS "productName", coalesce(ssp.value, 'Enabled') AS value, ssp.updated_at AS "updatedAt"
       FROM products pr LEFT JOIN self_service_policies ssp ON ssp.org_id = $1 AND ssp.product_id = pr.id
      WHERE pr.self_service_eligible ORDER BY pr.sort_order`,
    [orgId],
  );
}

/** Moves every person licensed on one subscription to another, in the caller's transaction. */
export async function moveAssignments(
  db: Queryable,
  orgId: string,
  fromId: string,
  toId: string,
  by: string,
  now: Date,
): Promise<number> {
  const rows = await db.query(
    `WITH moved AS (DELETE FROM license_assignments WHERE org_id = $1 AND subscription_id = $2 RETURNING person_id, product_id)
     INSERT INTO license_assignments (org_id, subscription_id, person_id, product_id, assigned_at, assigned_by)
     SELECT $1, $3, person_id, product_id, $5, $4 FROM moved RETURNING person_id`,
    [orgId, fromId, toId, by, now],
  );
  return rows.length;
}

export interface AuditRow {
  id: number;
  at: Date;
  actor: { id: string; displayName: string; email: string } | null;
  action: string;
  objectType: string;
  objectId: string;
  details: Record<string, unknown>;
}

export function listAuditEvents(
  db: Queryable,
  orgId: string,
  f: {
    from?: Date | undefined;
    to?: Date | undefined;
    actorId?: string | undefined;
    action?: string | undefined;
    before?: { at: string; id: number } | undefined;
    limit: number;
  },
) {
  return db.query<AuditRow>(
    `SELECT e.id, e.at, CASE WHEN p.id IS NULL THEN NULL ELSE jsonb_build_object('id', p.id, 'displayName', p.display_name, 'email', p.email) END AS actor,
            e.action, e.object_type AS "objectType", e.object_id AS "objectId", e.details
       FROM audit_events e LEFT JOIN people p ON p.org_id = e.org_id AND p.id = e.actor_id
      WHERE e.org_id = $1 AND ($2::timestamptz IS NULL OR e.at >= $2) AND ($3::timestamptz IS NULL OR e.at < $3)
        AND ($4::uuid IS NULL OR e.actor_id = $4) AND ($5::text IS NULL OR starts_with(e.action, $5))
        AND ($6::timestamptz IS NULL OR (e.at, e.id) < ($6, $7::bigint))
      ORDER BY e.at DESC, e.id DESC LIMIT $8`,
    [
      orgId,
      f.from ?? null,
      f.to ?? null,
      f.actorId ?? null,
      f.action ?? null,
      f.before?.at ?? null,
      f.before?.id ?? null,
      f.limit,
    ],
  );
}
