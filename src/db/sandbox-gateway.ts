import type { Queryable } from './database.js';

/** The sandbox gateway's own tables (schema `gateway`): only src/gateway/sandbox.ts uses these. */

export interface SandboxCard {
  token: string;
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
  outcome: string;
}

export interface SandboxCharge {
  id: string;
  idempotencyKey: string;
  kind: 'charge' | 'refund' | 'verification';
  amount: number;
  currency: string;
  status: 'succeeded' | 'failed';
  failureCode: string | null;
}

const CHARGE_COLUMNS = `id, idempotency_key AS "idempotencyKey", kind, amount, currency, status, failure_code AS "failureCode"`;

export async function insertSandboxCard(db: Queryable, card: SandboxCard, now: Date): Promise<void> {
  await db.query(
    `INSERT INTO gateway.cards (token, brand, last4, exp_month, exp_year, outcome, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [card.token, card.brand, card.last4, card.expMonth, card.expYear, card.outcome, now],
  );
}

export async function findSandboxCard(db: Queryable, token: string): Promise<SandboxCard | undefined> {
  const [row] = await db.query<SandboxCard>(
    `SELECT token, brand, last4, exp_month AS "expMonth", exp_year AS "expYear", outcome FROM gateway.cards WHERE token = $1`,
    [token],
  );
  return row;
}

export async function updateSandboxCardExpiry(
  db: Queryable,
  token: string,
  expMonth: number,
  expYear: number,
): Promise<void> {
  await db.query('UPDATE gateway.cards SET exp_month = $2, exp_year = $3 WHERE token = $1', [token, expMonth, expYear]);
}

/** Inserts the charge unless its idempotency key is known; either way returns the recorded one. */
export async function recordSandboxCharge(
  db: Queryable,
  c: SandboxCharge & { token: string | null; refundedChargeId: string | null },
  now: Date,
): Promise<SandboxCharge> {
  const [inserted] = await db.query<SandboxCharge>(
    `INSERT INTO gateway.charges (id, idempotency_key, kind, token, refunded_charge_id, amount, currency, status, failure_code, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (idempotency_key) DO NOTHING RETURNING ${CHARGE_COLUMNS}`,
    [c.id, c.idempotencyKey, c.kind, c.token, c.refundedChargeId, c.amount, c.currency, c.status, c.failureCode, now],
  );
  return inserted ?? (await findSandboxCharge(db, c.idempotencyKey))!;
}

export async function findSandboxCharge(db: Queryable, idempotencyKey: string): Promise<SandboxCharge | undefined> {
  const [row] = await db.query<SandboxCharge>(
    `SELECT ${CHARGE_COLUMNS} FROM gateway.charges WHERE idempotency_key = $1`,
    [idempotencyKey],
  );
  return row;
}

export async function findSandboxChargeById(
  db: Queryable,
  id: string,
): Promise<(SandboxCharge & { refunded: number }) | undefined> {
  const [row] = await db.query<SandboxCharge & { refunded: number }>(
    `SELECT ${CHARGE_COLUMNS}, (SELECT coalesce(sum(r.amount), 0) FROM gateway.charges r
        WHERE r.refunded_charge_id = c.id AND r.status = 'succeeded')::bigint AS refunded
       FROM gateway.charges c WHERE id = $1`,
    [id],
  );
  return row;
}
