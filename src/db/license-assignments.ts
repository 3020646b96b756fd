import type { Queryable } from './database.js';
import { PERSON_COLUMNS, type Person } from './people.js';

export interface Assignment {
  person: { id: string; displayName: string; email: string; usageLocation: string | null };
  assignedAt: Date;
  assignedBy: { id: string; displayName: string } | null;
}

/** A subscription's licensed people by name, keyset paged. */
export function listAssignments(
  db: Queryable,
  orgId: string,
  subscriptionId: string,
  opts: { after?: { name: string; id: string } | undefined; limit: number },
) {
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

/** What a seat change saw of the subscription, under its row lock. */
export interface SeatSubscription {
  buyerId: string;
  status: 'trial' | 'active' | 'expired' | 'disabled' | 'deleted';
  productId: string;
  quantity: number;
  assigned: number;
}

/** Why a seat change was refused (the service words it), or 'ok' when it was made. */
export type SeatVerdict =
  | 'ok'
  | 'unauthenticated'
  | 'not_found'
  | 'not_buyer'
  | 'not_active'
  | 'not_in_organization'
  | 'usage_location_required'
  | 'already_licensed'
  | 'insufficient_licenses';

export interface SeatChange {
  verdict: SeatVerdict;
  subscription: SeatSubscription | null;
  /** the people asked for, as found in the organization, with the subscription holding the product for each */
  people: (Person & { holdingSubscriptionId: string | null })[];
  /** the people whose license this statement added or removed */
  changed: string[];
}

const LOCKED_SUBSCRIPTION = `sub AS (
       SELECT s.buyer_id, s.status, s.product_id, s.quantity, s.assigned FROM subscriptions s
        WHERE s.org_id = $1 AND s.id = $2 FOR UPDATE
     )`;
/** The request's session or token, still good for its person in their role: checked by the statement itself. */
export interface SeatCredential {
  via: 'session' | 'token';
  id: string;
  role: string;
}
type Via = SeatCredential['via'] | 'none';
/**
 * The refusal of a credential that no longer holds, with its id and role as the two parameters
 * from `n`; a change without a credential (a job, a test) has no such check. One statement text
 * per kind, not a CASE on the kind: PostgreSQL then keeps one generic plan for each, where the
 * CASE made it plan the unassigning statement anew at every call.
 */
function credentialGone(via: Via, n: number): string {
  const [id, role] = [`$${n}::uuid`, `$${n + 1}::text`];
  const person = `JOIN people p ON p.org_id = c.org_id AND p.id = c.person_id AND p.status = 'active' AND p.role = ${role}`;
  return {
    token: `WHEN NOT EXISTS (SELECT 1 FROM api_tokens c ${person} WHERE c.org_id = $1 AND c.id = ${id} AND c.revoked_at IS NULL) THEN 'unauthenticated'`,
    session: `WHEN NOT EXISTS (SELECT 1 FROM sessions c ${person}
           WHERE c.org_id = $1 AND c.id = ${id} AND c.revoked_at IS NULL AND c.expires_at > $5) THEN 'unauthenticated'`,
    none: '',
  }[via];
}
const credentialParams = (c?: SeatCredential) => (c ? [c.id, c.role] : []);

/** Who changes which subscription's seats, for whom. */
export interface SeatRequest {
  orgId: string;
  subscriptionId: string;
  personIds: string[];
  by: string;
  credential?: SeatCredential | undefined;
}

/** Runs a seat statement: $1 org, $2 subscription, $3 people, $4 by, $5 now, then `more`, then the credential's id and role. */
async function changeSeats(
  db: Queryable,
  statement: Record<Via, string>,
  a: SeatRequest,
  now: Date,
  more: unknown[],
): Promise<SeatChange> {
  const [row] = await db.query<SeatChange>(statement[a.credential?.via ?? 'none'], [
    a.orgId,
    a.subscriptionId,
    a.personIds,
    a.by,
    now,
    ...more,
    ...credentialParams(a.credential),
  ]);
  return row!;
}
const perVia = (sql: (via: Via) => string): Record<Via, string> => ({
  token: sql('token'),
  session: sql('session'),
  none: sql('none'),
});

const SUBSCRIPTION_JSON = `(SELECT jsonb_build_object('buyerId', buyer_id, 'status', status, 'productId', product_id,
         'quantity', quantity, 'assigned', assigned) FROM sub)`;

// $1 org, $2 subscription, $3 people, $4 by, $5 now, $6 whether disabled people count, then the credential's id and role
const ASSIGN = perVia(
  (via) => `WITH ${LOCKED_SUBSCRIPTION},
     asked AS (
       SELECT ${PERSON_COLUMNS},
              (SELECT la.subscription_id FROM license_assignments la
                WHERE la.org_id = p.org_id AND la.product_id = (SELECT product_id FROM sub) AND la.person_id = p.id) AS "holdingSubscriptionId"
         FROM people p WHERE p.org_id = $1 AND p.id = ANY($3::uuid[]) AND (p.deleted_at IS NULL OR NOT $6::boolean)
     ),
     verdict AS (
       SELECT CASE
         ${credentialGone(via, 7)}
         WHEN NOT EXISTS (SELECT 1 FROM sub) THEN 'not_found'
         WHEN (SELECT buyer_id FROM sub) <> $4 OR (SELECT status FROM sub) = 'deleted' THEN 'not_buyer'
         WHEN (SELECT status FROM sub) NOT IN ('active', 'trial') THEN 'not_active'
         WHEN (SELECT count(*) FROM asked WHERE status = 'active' OR $6::boolean) < cardinality($3::uuid[]) THEN 'not_in_organization'
         WHEN EXISTS (SELECT 1 FROM asked WHERE "usageLocation" IS NULL) THEN 'usage_location_required'
         WHEN EXISTS (SELECT 1 FROM asked WHERE "holdingSubscriptionId" <> $2) THEN 'already_licensed'
         WHEN (SELECT count(*) FROM asked WHERE "holdingSubscriptionId" IS NULL) > (SELECT quantity - assigned FROM sub) THEN 'insufficient_licenses'
         ELSE 'ok' END AS verdict
     ),
     added AS (
       INSERT INTO license_assignments (org_id, subscription_id, person_id, product_id, assigned_at, assigned_by)
       SELECT $1, $2, asked.id, (SELECT product_id FROM sub), $5, $4 FROM asked, verdict
        WHERE verdict.verdict = 'ok' AND asked."holdingSubscriptionId" IS NULL
       ON CONFLICT (org_id, subscription_id, person_id) DO NOTHING RETURNING person_id
     ),
     audited AS (
       INSERT INTO audit_events (org_id, at, actor_id, action, object_type, object_id, details)
       SELECT $1, $5, $4, 'license.assigned', 'subscription', $2::text, jsonb_build_object('users', jsonb_agg(person_id)) FROM added
       HAVING count(*) > 0
     )
     SELECT verdict.verdict, ${SUBSCRIPTION_JSON} AS subscription,
            coalesce((SELECT jsonb_agg(to_jsonb(asked)) FROM asked), '[]') AS people,
            coalesce((SELECT array_agg(person_id) FROM added), '{}') AS changed
       FROM verdict`,
);

/**
 * Assigns licenses in one statement, one round trip: it locks the subscription, checks it is the
 * buyer's and active, that the people are active in the organization with a usage location and
 * hold the product nowhere else, and that the seats suffice; then inserts the assignments and
 * their audit event. The seat CHECK and the one-license-per-product key stay the last word.
 * A person already on this subscription (the same request twice) is skipped, not an error.
 */
export function assignSeats(
  db: Queryable,
  a: SeatRequest & { /** disabled people count as in the organization */ disabledPeople?: boolean | undefined },
  now: Date,
): Promise<SeatChange> {
  return changeSeats(db, ASSIGN, a, now, [a.disabledPeople ?? false]);
}

// $1 org, $2 subscription, $3 people, $4 by, $5 now, then the credential's id and role
const UNASSIGN = perVia(
  (via) => `WITH ${LOCKED_SUBSCRIPTION},
     verdict AS (
       SELECT CASE ${credentialGone(via, 6)}
                   WHEN NOT EXISTS (SELECT 1 FROM sub) THEN 'not_found'
                   WHEN (SELECT buyer_id FROM sub) <> $4 OR (SELECT status FROM sub) = 'deleted' THEN 'not_buyer'
                   ELSE 'ok' END AS verdict
     ),
     removed AS (
       DELETE FROM license_assignments la USING verdict
        WHERE verdict.verdict = 'ok' AND la.org_id = $1 AND la.subscription_id = $2 AND la.person_id = ANY($3::uuid[])
       RETURNING la.person_id
     ),
     audited AS (
       INSERT INTO audit_events (org_id, at, actor_id, action, object_type, object_id, details)
       SELECT $1, $5, $4, 'license.unassigned', 'subscription', $2::text, jsonb_build_object('users', jsonb_agg(person_id)) FROM removed
       HAVING count(*) > 0
     )
     SELECT verdict.verdict, ${SUBSCRIPTION_JSON} AS subscription, '[]'::jsonb AS people,
            coalesce((SELECT array_agg(person_id) FROM removed), '{}') AS changed
       FROM verdict`,
);

/** Takes licenses back in one statement: the subscription locked and checked, the rows deleted and audited. */
export function unassignSeats(db: Queryable, a: SeatRequest, now: Date): Promise<SeatChange> {
  return changeSeats(db, UNASSIGN, a, now, []);
}

/** These people of the organization, each with the subscription that gives them the product, if any. */
export function findCandidates(db: Queryable, orgId: string, productId: string, personIds: string[]) {
  return db.query<Person & { holdingSubscriptionId: string | null }>(
    `SELECT ${PERSON_COLUMNS},
            (SELECT la.subscription_id FROM license_assignments la WHERE la.org_id = p.org_id AND la.product_id = $2 AND la.person_id = p.id) AS "holdingSubscriptionId"
       FROM people p WHERE p.org_id = $1 AND p.id = ANY($3::uuid[])`,
    [orgId, productId, personIds],
  );
}

/** The licenses a person holds, with their product (Graph's licenseDetails). */
export function licensesOfPerson(db: Queryable, orgId: string, personId: string) {
  return db.query<{
    subscriptionId: string;
    status: string;
    skuId: string;
    skuPartNumber: string;
    servicePlans: { servicePlanId: string; servicePlanName: string; appliesTo: string }[];
  }>(
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
    productId: string;
    skuId: string;
    skuPartNumber: string;
    servicePlans: { servicePlanId: string; servicePlanName: string; appliesTo: string }[];
    consumed: number;
    enabled: number;
    warning: number;
    suspended: number;
    subscriptionIds: string[];
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
