import type { Queryable } from './database.js';
import type { Currency } from '../domain/money.js';
import type { MethodType } from '../domain/payment-methods.js';

export type ChargePurpose =
  | 'purchase'
  | 'more_licenses'
  | 'fewer_licenses'
  | 'cancel'
  | 'renewal'
  | 'reactivation'
  | 'pay_invoice'
  | 'take_control';

export interface Charge {
  orgId: string;
  id: string;
  kind: 'charge' | 'refund';
  /** what is being paid (see services/payments/operation.ts); the parts of one refund share it */
  operation: string;
  idempotencyKey: string;
  /** the way of paying that moves it (services/payments/methods/) */
  method: MethodType;
  paymentMethodId: string | null;
  subscriptionId: string | null;
  invoiceId: string | null;
  amount: number;
  currency: Currency;
  status: 'pending' | 'succeeded' | 'failed';
  purpose: ChargePurpose;
  /** licenses paid for (> 0) or given back (< 0) from periodStart to the end of the term */
  licenses: number | null;
  termStart: Date | null;
  termEnd: Date | null;
  periodStart: Date | null;
  /** the charge a refund gives money back from */
  refundOf: string | null;
  /** the card token charged, or the gateway's id of the charge refunded */
  gatewaySource: string | null;
  /** everything the completion needs, so that reconciliation can finish it after a crash */
  context: unknown;
  gatewayChargeId: string | null;
  failureCode: string | null;
  createdAt: Date;
}

const COLUMNS = `c.org_id AS "orgId", c.id, c.kind, c.operation, c.idempotency_key AS "idempotencyKey", c.method,
  c.payment_method_id AS "paymentMethodId", c.subscription_id AS "subscriptionId", c.invoice_id AS "invoiceId", c.amount,
  c.currency, c.status, c.purpose, c.licenses, c.term_start AS "termStart", c.term_end AS "termEnd",
  c.period_start AS "periodStart", c.refund_of AS "refundOf", c.gateway_source AS "gatewaySource", c.context, c.gateway_charge_id AS "gatewayChargeId",
  c.failure_code AS "failureCode", c.created_at AS "createdAt"`;

export type NewCharge = Pick<
  Charge,
  | 'orgId'
  | 'kind'
  | 'operation'
  | 'idempotencyKey'
  | 'method'
  | 'paymentMethodId'
  | 'subscriptionId'
  | 'amount'
  | 'currency'
  | 'purpose'
  | 'licenses'
  | 'termStart'
  | 'termEnd'
  | 'periodStart'
  | 'refundOf'
  | 'gatewaySource'
  | 'context'
>;

/** Records the charge as pending, before the gateway hears of it; a known key returns undefined. */
export async function insertPendingCharge(db: Queryable, c: NewCharge, now: Date): Promise<Charge | undefined> {
  const [row] = await db.query<Charge>(
    `INSERT INTO charges AS c (org_id, kind, operation, idempotency_key, payment_method_id, subscription_id, amount, currency,
       status, purpose, licenses, term_start, term_end, period_start, refund_of, gateway_source, context, created_at, method)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending', $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
     ON CONFLICT (org_id, idempotency_key) DO NOTHING RETURNING ${COLUMNS}`,
    [
      c.orgId,
      c.kind,
      c.operation,
      c.idempotencyKey,
      c.paymentMethodId,
      c.subscriptionId,
      c.amount,
      c.currency,
      c.purpose,
      c.licenses,
      c.termStart,
      c.termEnd,
      c.periodStart,
      c.refundOf,
      c.gatewaySource,
      JSON.stringify(c.context),
      now,
      c.method,
    ],
  );
  return row;
}

export async function findChargeByKey(
  db: Queryable,
  orgId: string,
  idempotencyKey: string,
): Promise<Charge | undefined> {
  const [row] = await db.query<Charge>(
    `SELECT ${COLUMNS} FROM charges c WHERE c.org_id = $1 AND c.idempotency_key = $2`,
    [orgId, idempotencyKey],
  );
  return row;
}

/** The parts of an operation still waiting for the gateway's answer. */
export function findPendingParts(db: Queryable, orgId: string, operation: string): Promise<Charge[]> {
  return db.query<Charge>(
    `SELECT ${COLUMNS} FROM charges c WHERE c.org_id = $1 AND c.operation = $2 AND c.status = 'pending' ORDER BY c.created_at, c.id`,
    [orgId, operation],
  );
}

/** Locks a charge that is still pending; undefined when another process has completed it. */
export async function lockPendingCharge(db: Queryable, orgId: string, id: string): Promise<Charge | undefined> {
  const [row] = await db.query<Charge>(
    `SELECT ${COLUMNS} FROM charges c WHERE c.org_id = $1 AND c.id = $2 AND c.status = 'pending' FOR UPDATE`,
    [orgId, id],
  );
  return row;
}

export async function completeCharge(
  db: Queryable,
  c: {
    orgId: string;
    id: string;
    status: 'succeeded' | 'failed';
    gatewayChargeId: string | null;
    failureCode: string | null;
    subscriptionId: string | null;
    invoiceId: string | null;
  },
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
    `SELECT ${COLUMNS} FROM charges c WHERE c.status = 'pending' AND c.created_at <= $1 ORDER BY c.created_at LIMIT $2`,
    [before, limit],
  );
}

/** A term's succeeded charges with what is left to refund on each, the newest first. */
export function findRefundableCharges(
  db: Queryable,
  orgId: string,
  subscriptionId: string,
  termEnd: Date,
): Promise<(Charge & { refundable: number })[]> {
  return db.query<Charge & { refundable: number }>(
    `SELECT ${COLUMNS},
            c.amount - coalesce((SELECT sum(r.amount) FROM charges r WHERE r.org_id = c.org_id AND r.refund_of = c.id
              AND r.status <> 'failed'), 0)::bigint AS refundable
       FROM charges c
      WHERE c.org_id = $1 AND c.subscription_id = $2 AND c.kind = 'charge' AND c.status = 'succeeded' AND c.term_end = $3
      ORDER BY c.created_at DESC, c.id`,
    [orgId, subscriptionId, termEnd],
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
