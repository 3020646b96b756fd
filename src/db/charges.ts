import type { Queryable } from './database.js';
import type { Currency } from '../domain/money.js';

export type ChargePurpose = 'purchase' | 'more_licenses' | 'fewer_licenses' | 'cancel' | 'renewal' | 'reactivation';

export interface Charge {
  orgId: string;
  id: string;
  kind: 'charge' | 'refund';
  idempotencyKey: string;
  paymentMethodId: string | null;
  subscriptionId: string | null;
  invoiceId: string | null;
  amount: number;
  currency: Currency;
  status: 'pending' | 'succeeded' | 'failed';
  purpose: ChargePurpose;
  /** everything the completion needs, so that reconciliation can finish it after a crash */
  context: Record<string, unknown>;
  gatewayChargeId: string | null;
  failureCode: string | null;
  createdAt: Date;
}

const COLUMNS = `c.org_id AS "orgId", c.id, c.kind, c.idempotency_key AS "idempotencyKey", c.payment_method_id AS "paymentMethodId",
  c.subscription_id AS "subscriptionId", c.invoice_id AS "invoiceId", c.amount, c.currency, c.status, c.purpose, c.context,
  c.gateway_charge_id AS "gatewayChargeId", c.failure_code AS "failureCode", c.created_at AS "createdAt"`;

export type NewCharge = Pick<Charge, 'orgId' | 'kind' | 'idempotencyKey' | 'paymentMethodId' | 'subscriptionId' | 'amount' | 'currency' | 'purpose' | 'context'>;

/** Records the charge as pending, before the gateway hears of it; a known key returns undefined. */
export async function insertPendingCharge(db: Queryable, c: NewCharge, now: Date): Promise<Charge | undefined> {
  const [row] = await db.query<Charge>(
    `INSERT INTO charges AS c (org_id, kind, idempotency_key, payment_method_id, subscription_id, amount, currency, status, purpose, context, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending', $8, $9, $10)
     ON CONFLICT (org_id, idempotency_key) DO NOTHING RETURNING ${COLUMNS}`,
    [c.orgId, c.kind, c.idempotencyKey, c.paymentMethodId, c.subscriptionId, c.amount, c.currency, c.purpose, JSON.stringify(c.context), now],
  );
  return row;
}

export async function findChargeByKey(db: Queryable, orgId: string, idempotencyKey: string): Promise<Charge | undefined> {
  const [row] = await db.query<Charge>(`SELECT ${COLUMNS} FROM charges c WHERE c.org_id = $1 AND c.idempotency_key = $2`, [orgId, idempotencyKey]);
  return row;
}

/** Locks a charge that is still pending; undefined when another process has completed it. */
export async function lockPendingCharge(db: Queryable, orgId: string, id: string): Promise<Charge | undefined> {
  const [row] = await db.query<Charge>(
    `SELECT ${COLUMNS} FROM charges c WHERE c.org_id = $1 AND c.id = $2 AND c.status = 'pending' FOR UPDATE`, [orgId, id]);
  return row;
}

export async function completeCharge(
  db: Queryable,
  c: { orgId: string; id: string; status: 'succeeded' | 'failed'; gatewayChargeId: string | null; failureCode: string | null; subscriptionId: string | null; invoiceId: string | null },
  now: Date,
): Promise<void> {
  await db.query(
    `UPDATE charges SET status = $3, gateway_charge_id = $4, failure_code = $5, subscription_id = coalesce($6, subscription_id),
       invoice_id = $7, completed_at = $8 WHERE org_id = $1 AND id = $2`,
    [c.orgId, c.id, c.status, c.gatewayChargeId, c.failureCode, c.subscriptionId, c.invoiceId, now],
  );
}

/** Charges left pending (a crash between the gateway and our commit), oldest first. */
export function findStalePendingCharges(db: Queryable, before: Date, limit = 100): Promise<Charge[]> {
  return db.query<Charge>(
    `SELECT ${COLUMNS} FROM charges c WHERE c.status = 'pending' AND c.created_at <= $1 ORDER BY c.created_at LIMIT $2`, [before, limit]);
}

/** The succeeded charges of a subscription's term, newest first: what a refund may give back. */
export function findRefundableCharges(db: Queryable, orgId: string, subscriptionId: string, since: Date): Promise<(Charge & { refundable: number })[]> {
  return db.query<Charge & { refundable: number }>(
    `SELECT ${COLUMNS},
            c.amount - coalesce((SELECT sum(r.amount) FROM charges r WHERE r.org_id = c.org_id AND r.kind = 'refund'
              AND r.status <> 'failed' AND r.context->>'refundOf' = c.gateway_charge_id), 0)::bigint AS refundable
       FROM charges c
      WHERE c.org_id = $1 AND c.subscription_id = $2 AND c.kind = 'charge' AND c.status = 'succeeded' AND c.created_at >= $3
      ORDER BY c.created_at DESC, c.id`,
    [orgId, subscriptionId, since],
  );
}

/**
 * Opens again a charge that reconciliation failed because the gateway had never received it:
 * a retry may then send it, under the same key, so that it still moves money at most once.
 */
export async function reopenUnsentCharge(db: Queryable, orgId: string, id: string): Promise<Charge | undefined> {
  const [row] = await db.query<Charge>(
    `UPDATE charges c SET status = 'pending', failure_code = NULL, completed_at = NULL
      WHERE c.org_id = $1 AND c.id = $2 AND c.status = 'failed' AND c.failure_code = 'not_received' RETURNING ${COLUMNS}`,
    [orgId, id],
  );
  return row;
}
