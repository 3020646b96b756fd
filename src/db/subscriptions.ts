import type { Queryable } from './database.js';
import type { Currency } from '../domain/money.js';
import type { Term } from './products.js';

export type SubscriptionStatus = 'trial' | 'active' | 'expired' | 'disabled' | 'deleted';

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
}

export const SUBSCRIPTION_COLUMNS = `s.org_id AS "orgId", s.id, s.product_id AS "productId", s.buyer_id AS "buyerId",
  s.billing_profile_id AS "billingProfileId", s.self_service AS "selfService", s.status, s.term, s.quantity, s.assigned,
  s.pending_quantity AS "pendingQuantity", s.unit_price AS "unitPrice", s.currency, s.term_start AS "termStart",
  s.term_end AS "termEnd", s.auto_renew AS "autoRenew", s.started_as_trial AS "startedAsTrial",
  s.status_changed_at AS "statusChangedAt", s.canceled_at AS "canceledAt", s.cancel_reason AS "cancelReason",
  s.cancel_feedback AS "cancelFeedback", s.created_at AS "createdAt"`;

export type NewSubscription = Pick<Subscription,
  'orgId' | 'productId' | 'buyerId' | 'billingProfileId' | 'selfService' | 'status' | 'term' | 'quantity' |
  'unitPrice' | 'currency' | 'termStart' | 'termEnd' | 'autoRenew' | 'startedAsTrial'> & { id?: string };

export async function insertSubscription(db: Queryable, s: NewSubscription, now: Date): Promise<Subscription> {
  const [row] = await db.query<Subscription>(
    `INSERT INTO subscriptions AS s (org_id, id, product_id, buyer_id, billing_profile_id, self_service, status, term,
       quantity, unit_price, currency, term_start, term_end, auto_renew, started_as_trial, status_changed_at, created_at, updated_at)
     VALUES ($1, coalesce($2, gen_random_uuid()), $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16, $16)
     RETURNING ${SUBSCRIPTION_COLUMNS}`,
    [s.orgId, s.id ?? null, s.productId, s.buyerId, s.billingProfileId, s.selfService, s.status, s.term, s.quantity,
      s.unitPrice, s.currency, s.termStart, s.termEnd, s.autoRenew, s.startedAsTrial, now],
  );
  return row!;
}

export async function findSubscription(db: Queryable, orgId: string, id: string): Promise<Subscription | undefined> {
  const [row] = await db.query<Subscription>(`SELECT ${SUBSCRIPTION_COLUMNS} FROM subscriptions s WHERE s.org_id = $1 AND s.id = $2`, [orgId, id]);
  return row;
}

/** Locks the subscription row for the rest of the transaction: seat and quantity changes go one at a time. */
export async function lockSubscription(db: Queryable, orgId: string, id: string): Promise<Subscription | undefined> {
  const [row] = await db.query<Subscription>(
    `SELECT ${SUBSCRIPTION_COLUMNS} FROM subscriptions s WHERE s.org_id = $1 AND s.id = $2 FOR UPDATE`, [orgId, id]);
  return row;
}
