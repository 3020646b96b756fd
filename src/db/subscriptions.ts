import type { Queryable } from './database.js';
import type { BillingProfile } from './billing-profiles.js';
import { PAYMENT_METHOD_JSON, type PaymentMethod } from './payment-methods.js';
import type { Currency } from '../domain/money.js';
import type { SubscriptionStatus } from '../domain/subscription.js';
import type { Term } from '../domain/subscription.js';

export interface Subscription {
  orgId: string;
  id: string;
  productId: string;
  buyerId: string;
  billingProfileId: string | null;
  selfService: boolean;
  status: SubscriptionStatus;
  term: Term;
  /** total licenses */
  quantity: number;
  /** kept equal to the assignment rows by a trigger */
  assigned: number;
  pendingQuantity: number | null;
  /** one license for one month, minor units, frozen at purchase */
  unitPrice: number;
  currency: Currency;
  termStart: Date;
  termEnd: Date;
  autoRenew: boolean;
  startedAsTrial: boolean;
  statusChangedAt: Date;
  canceledAt: Date | null;
  cancelReason: string | null;
  cancelFeedback: string | null;
  createdAt: Date;
  /** the money operation in flight, if any (services/payments/operation.ts) */
  pendingOperation: string | null;
  /** bumped by every change */
  version: number;
}

export const SUBSCRIPTION_COLUMNS = `s.org_id AS "orgId", s.id, s.product_id AS "productId", s.buyer_id AS "buyerId",
  s.billing_profile_id AS "billingProfileId", s.self_service AS "selfService", s.status, s.term, s.quantity, s.assigned,
  s.pending_quantity AS "pendingQuantity", s.unit_price AS "unitPrice", s.currency, s.term_start AS "termStart",
  s.term_end AS "termEnd", s.auto_renew AS "autoRenew", s.started_as_trial AS "startedAsTrial",
  s.status_changed_at AS "statusChangedAt", s.canceled_at AS "canceledAt", s.cancel_reason AS "cancelReason",
  s.cancel_feedback AS "cancelFeedback", s.created_at AS "createdAt", s.pending_operation AS "pendingOperation", s.version`;

export type NewSubscription = Pick<
  Subscription,
  | 'orgId'
  | 'productId'
  | 'buyerId'
  | 'billingProfileId'
  | 'selfService'
  | 'status'
  | 'term'
  | 'quantity'
  | 'unitPrice'
  | 'currency'
  | 'termStart'
  | 'termEnd'
  | 'autoRenew'
  | 'startedAsTrial'
> & { id?: string };

export async function insertSubscription(db: Queryable, s: NewSubscription, now: Date): Promise<Subscription> {
  const [row] = await db.query<Subscription>(
    `INSERT INTO subscriptions AS s (org_id, id, product_id, buyer_id, billing_profile_id, self_service, status, term,
       quantity, unit_price, currency, term_start, term_end, auto_renew, started_as_trial, status_changed_at, created_at, updated_at)
     VALUES ($1, coalesce($2, gen_random_uuid()), $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16, $16)
     RETURNING ${SUBSCRIPTION_COLUMNS}`,
    [
      s.orgId,
      s.id ?? null,
      s.productId,
      s.buyerId,
      s.billingProfileId,
      s.selfService,
      s.status,
      s.term,
      s.quantity,
      s.unitPrice,
      s.currency,
      s.termStart,
      s.termEnd,
      s.autoRenew,
      s.startedAsTrial,
      now,
    ],
  );
  return row!;
}

export async function findSubscription(db: Queryable, orgId: string, id: string): Promise<Subscription | undefined> {
  const [row] = await db.query<Subscription>(
    `SELECT ${SUBSCRIPTION_COLUMNS} FROM subscriptions s WHERE s.org_id = $1 AND s.id = $2`,
    [orgId, id],
  );
  return row;
}

/** Locks the subscription row for the rest of the transaction: seat and quantity changes go one at a time. */
export async function lockSubscription(db: Queryable, orgId: string, id: string): Promise<Subscription | undefined> {
  const [row] = await db.query<Subscription>(
    `SELECT ${SUBSCRIPTION_COLUMNS} FROM subscriptions s WHERE s.org_id = $1 AND s.id = $2 FOR UPDATE`,
    [orgId, id],
  );
  return row;
}

/** Changes to a subscription; only the fields given are set. */
/** The columns to set; one left out or undefined stays as it is. */
export interface SubscriptionChange {
  status?: SubscriptionStatus | undefined;
  statusChangedAt?: Date | undefined;
  quantity?: number | undefined;
  pendingQuantity?: number | null | undefined;
  termStart?: Date | undefined;
  termEnd?: Date | undefined;
  autoRenew?: boolean | undefined;
  canceledAt?: Date | null | undefined;
  cancelReason?: string | null | undefined;
  cancelFeedback?: string | null | undefined;
}

const CHANGE_COLUMNS: Record<keyof SubscriptionChange, string> = {
  status: 'status',
  statusChangedAt: 'status_changed_at',
  quantity: 'quantity',
  pendingQuantity: 'pending_quantity',
  termStart: 'term_start',
  termEnd: 'term_end',
  autoRenew: 'auto_renew',
  canceledAt: 'canceled_at',
  cancelReason: 'cancel_reason',
  cancelFeedback: 'cancel_feedback',
};

export async function updateSubscription(
  db: Queryable,
  orgId: string,
  id: string,
  change: SubscriptionChange,
  now: Date,
): Promise<Subscription> {
  const keys = (Object.keys(change) as (keyof SubscriptionChange)[]).filter((k) => change[k] !== undefined);
  const sets = keys.map((k, i) => `${CHANGE_COLUMNS[k]} = $${i + 4}`);
  const [row] = await db.query<Subscription>(
    `UPDATE subscriptions s SET ${[...sets, 'updated_at = $3', 'version = s.version + 1'].join(', ')} WHERE s.org_id = $1 AND s.id = $2 RETURNING ${SUBSCRIPTION_COLUMNS}`,
    [orgId, id, now, ...keys.map((k) => change[k])],
  );
  return row!;
}

/** Marks (or clears) the money operation in flight; either way the state has moved on. */
export async function setPendingOperation(
  db: Queryable,
  orgId: string,
  id: string,
  operation: string | null,
): Promise<void> {
  await db.query(
    'UPDATE subscriptions SET pending_operation = $3, version = version + 1 WHERE org_id = $1 AND id = $2',
    [orgId, id, operation],
  );
}

/** Deleted subscriptions give their licenses back: the people lose them. */
export async function releaseAssignments(db: Queryable, orgId: string, subscriptionId: string): Promise<number> {
  const rows = await db.query(
    'DELETE FROM license_assignments WHERE org_id = $1 AND subscription_id = $2 RETURNING person_id',
    [orgId, subscriptionId],
  );
  return rows.length;
}

/** A subscription as its pages show it: product, billing profile, masked card and tax rate joined. */
export interface SubscriptionView extends Subscription {
  product: { id: string; skuId: string; skuPartNumber: string; name: string };
  buyer: { id: string; displayName: string; email: string };
  billingProfile: { id: string; name: string; country: string } | null;
  paymentMethod: PaymentMethod | null;
  taxRateBp: number;
}

const VIEW_SELECT = `SELECT ${SUBSCRIPTION_COLUMNS},
    jsonb_build_object('id', pr.id, 'skuId', pr.sku_id, 'skuPartNumber', pr.sku_part_number, 'name', pr.name) AS product,
    jsonb_build_object('id', b.id, 'displayName', b.display_name, 'email', b.email) AS buyer,
    CASE WHEN bp.id IS NULL THEN NULL ELSE jsonb_build_object('id', bp.id, 'name', bp.name, 'country', bp.country) END AS "billingProfile",
    ${PAYMENT_METHOD_JSON} AS "paymentMethod",
    coalesce(tr.rate_bp, 0) AS "taxRateBp"
  FROM subscriptions s
  JOIN products pr ON pr.id = s.product_id
  JOIN people b ON b.org_id = s.org_id AND b.id = s.buyer_id
  LEFT JOIN billing_profiles bp ON bp.org_id = s.org_id AND bp.id = s.billing_profile_id
  LEFT JOIN payment_methods pm ON pm.org_id = s.org_id AND pm.id = bp.payment_method_id AND pm.deleted_at IS NULL
  LEFT JOIN tax_rates tr ON tr.country = bp.country`;

export async function findSubscriptionView(
  db: Queryable,
  orgId: string,
  id: string,
): Promise<SubscriptionView | undefined> {
  const [row] = await db.query<SubscriptionView>(`${VIEW_SELECT} WHERE s.org_id = $1 AND s.id = $2`, [orgId, id]);
  return row;
}

/** A buyer's subscriptions (every one of the organization when buyerId is null), newest first; deleted ones are gone. */
export function listSubscriptionViews(
  db: Queryable,
  orgId: string,
  buyerId: string | null,
  opts: { selfService?: boolean },
): Promise<SubscriptionView[]> {
  return db.query<SubscriptionView>(
    `${VIEW_SELECT} WHERE s.org_id = $1 AND ($2::uuid IS NULL OR s.buyer_id = $2) AND s.status <> 'deleted' AND ($3::boolean IS NULL OR s.self_service = $3)
     ORDER BY s.created_at DESC, s.id LIMIT 500`,
    [orgId, buyerId, opts.selfService ?? null],
  );
}

/** Subscriptions the job runner may have something to do with now (see domain/lifecycle.ts). */
export function findSubscriptionsDue(
  db: Queryable,
  now: Date,
  limit: number,
): Promise<(Subscription & { hasPaymentMethod: boolean })[]> {
  return db.query<Subscription & { hasPaymentMethod: boolean }>(
    `SELECT ${SUBSCRIPTION_COLUMNS}, (pm.id IS NOT NULL) AS "hasPaymentMethod"
       FROM subscriptions s
       LEFT JOIN billing_profiles bp ON bp.org_id = s.org_id AND bp.id = s.billing_profile_id
       LEFT JOIN payment_methods pm ON pm.org_id = s.org_id AND pm.id = bp.payment_method_id AND pm.deleted_at IS NULL
      WHERE (s.status IN ('trial', 'active') AND s.term_end <= $1) OR s.status IN ('expired', 'disabled')
      ORDER BY s.term_end, s.id LIMIT $2`,
    [now, limit],
  );
}

/** Who pays for a subscription: its billing profile and that profile's card (token included). */
export async function findBillingOf(
  db: Queryable,
  orgId: string,
  subscriptionId: string,
): Promise<{
  billingProfile: BillingProfile | null;
  paymentMethod: PaymentMethod | null;
}> {
  const [row] = await db.query<{ billingProfile: never; paymentMethod: never }>(
    `SELECT CASE WHEN bp.id IS NULL THEN NULL ELSE jsonb_build_object('orgId', bp.org_id, 'id', bp.id, 'ownerId', bp.owner_id,
              'name', bp.name, 'address', bp.address, 'country', bp.country, 'currency', bp.currency,
              'invoiceEmail', bp.invoice_email, 'paymentMethodId', bp.payment_method_id) END AS "billingProfile",
            ${PAYMENT_METHOD_JSON} AS "paymentMethod"
       FROM subscriptions s
       LEFT JOIN billing_profiles bp ON bp.org_id = s.org_id AND bp.id = s.billing_profile_id
       LEFT JOIN payment_methods pm ON pm.org_id = s.org_id AND pm.id = bp.payment_method_id AND pm.deleted_at IS NULL
      WHERE s.org_id = $1 AND s.id = $2`,
    [orgId, subscriptionId],
  );
  return row ?? { billingProfile: null, paymentMethod: null };
}

export async function countSubscriptions(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM subscriptions');
  return row!.n;
}
