import type { Queryable } from './database.js';
import type { CardBrand } from '../domain/cards.js';
import type { MethodType } from '../domain/payment-methods.js';

export interface Address {
  line1: string;
  line2?: string;
  city: string;
  postalCode: string;
  region?: string;
  country: string;
}

/** What every saved payment method has, whatever its way of paying. */
interface SavedMethod {
  orgId: string;
  id: string;
  ownerId: string;
  /** the provider's token: it stands for the details given */
  gatewayToken: string;
  /** of the card number, the account number, ... */
  last4: string;
  address: Address;
}

/** A card's own columns: NULL for every other way of paying (migration 025). */
export interface CardColumns {
  brand: CardBrand;
  expMonth: number;
  expYear: number;
  nameOnCard: string;
}

type ColumnsOf<M extends MethodType> = M extends 'card' ? CardColumns : { [K in keyof CardColumns]: null };

/**
 * A saved payment method, by the way of paying it belongs to (services/payments/methods/):
 * only a card has a card's columns, so another way of paying has them narrowed where read.
 */
export type PaymentMethod = { [M in MethodType]: SavedMethod & { method: M } & ColumnsOf<M> }[MethodType];

/** A new payment method as its way of paying stores it, without its owner. */
export type NewPaymentMethod<M extends MethodType = MethodType> = M extends MethodType
  ? Omit<Extract<PaymentMethod, { method: M }>, 'orgId' | 'id' | 'ownerId'>
  : never;

export const PAYMENT_METHOD_COLUMNS = `pm.org_id AS "orgId", pm.id, pm.owner_id AS "ownerId", pm.method, pm.gateway_token AS "gatewayToken",
  pm.brand, pm.last4, pm.exp_month AS "expMonth", pm.exp_year AS "expYear", pm.name_on_card AS "nameOnCard",
  pm.address`;

/** The `pm` row as one JSON value (NULL when there is none): a `PaymentMethod` joined to another row. */
export const PAYMENT_METHOD_JSON = `CASE WHEN pm.id IS NULL THEN NULL ELSE (SELECT to_jsonb(c) FROM (SELECT ${PAYMENT_METHOD_COLUMNS}) c) END`;

export async function insertPaymentMethod(
  db: Queryable,
  pm: NewPaymentMethod & { orgId: string; ownerId: string },
  now: Date,
): Promise<PaymentMethod> {
  const [row] = await db.query<PaymentMethod>(
    `INSERT INTO payment_methods AS pm (org_id, owner_id, gateway_token, brand, last4, exp_month, exp_year, name_on_card, address, created_at, updated_at, method)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $11) RETURNING ${PAYMENT_METHOD_COLUMNS}`,
    [
      pm.orgId,
      pm.ownerId,
      pm.gatewayToken,
      pm.brand,
      pm.last4,
      pm.expMonth,
      pm.expYear,
      pm.nameOnCard,
      JSON.stringify(pm.address),
      now,
      pm.method,
    ],
  );
  return row!;
}

/** One of the owner's payment methods that is not deleted. */
export async function findPaymentMethod(
  db: Queryable,
  orgId: string,
  ownerId: string,
  id: string,
): Promise<PaymentMethod | undefined> {
  const [row] = await db.query<PaymentMethod>(
    `SELECT ${PAYMENT_METHOD_COLUMNS} FROM payment_methods pm
      WHERE pm.org_id = $1 AND pm.owner_id = $2 AND pm.id = $3 AND pm.deleted_at IS NULL`,
    [orgId, ownerId, id],
  );
  return row;
}

/**
 * Locks one of the owner's cards that is not deleted, in the caller's transaction: 'update' to
 * remove it, 'share' to make it a profile's card. A card removed meanwhile is not found (the
 * lock re-reads the row once the other transaction is over).
 */
export async function lockPaymentMethod(
  db: Queryable,
  orgId: string,
  ownerId: string,
  id: string,
  mode: 'update' | 'share',
): Promise<boolean> {
  const rows = await db.query(
    `SELECT 1 FROM payment_methods WHERE org_id = $1 AND owner_id = $2 AND id = $3 AND deleted_at IS NULL FOR ${mode === 'update' ? 'UPDATE' : 'SHARE'}`,
    [orgId, ownerId, id],
  );
  return rows.length > 0;
}

export function listPaymentMethods(db: Queryable, orgId: string, ownerId: string): Promise<PaymentMethod[]> {
  return db.query<PaymentMethod>(
    `SELECT ${PAYMENT_METHOD_COLUMNS} FROM payment_methods pm
      WHERE pm.org_id = $1 AND pm.owner_id = $2 AND pm.deleted_at IS NULL ORDER BY pm.created_at DESC, pm.id`,
    [orgId, ownerId],
  );
}

/** What to change on a card (its columns, and the address any method has); one left out or undefined stays as it is. */
export interface PaymentMethodChange {
  expMonth?: number | undefined;
  expYear?: number | undefined;
  nameOnCard?: string | undefined;
  address?: Address | undefined;
}

export async function updatePaymentMethod(
  db: Queryable,
  orgId: string,
  id: string,
  c: PaymentMethodChange,
  now: Date,
): Promise<PaymentMethod> {
  const [row] = await db.query<PaymentMethod>(
    `UPDATE payment_methods pm SET exp_month = coalesce($3, exp_month), exp_year = coalesce($4, exp_year),
       name_on_card = coalesce($5, name_on_card), address = coalesce($6::jsonb, address), updated_at = $7
      WHERE pm.org_id = $1 AND pm.id = $2 RETURNING ${PAYMENT_METHOD_COLUMNS}`,
    [
      orgId,
      id,
      c.expMonth ?? null,
      c.expYear ?? null,
      c.nameOnCard ?? null,
      c.address ? JSON.stringify(c.address) : null,
      now,
    ],
  );
  return row!;
}

/** Live subscriptions paid with this card through a billing profile: while any, it stays. */
export async function countLiveSubscriptionsPaidWith(db: Queryable, orgId: string, id: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM billing_profiles bp JOIN subscriptions s ON s.org_id = bp.org_id AND s.billing_profile_id = bp.id
      WHERE bp.org_id = $1 AND bp.payment_method_id = $2 AND s.status IN ('trial', 'active', 'expired')`,
    [orgId, id],
  );
  return row!.n;
}

/** Removed cards disappear from lists; invoices keep their brand and last four digits. */
export async function deletePaymentMethod(db: Queryable, orgId: string, id: string, now: Date): Promise<void> {
  await db.query(
    'UPDATE billing_profiles SET payment_method_id = NULL, updated_at = $3 WHERE org_id = $1 AND payment_method_id = $2',
    [orgId, id, now],
  );
  await db.query('UPDATE payment_methods SET deleted_at = $3, updated_at = $3 WHERE org_id = $1 AND id = $2', [
    orgId,
    id,
    now,
  ]);
}
