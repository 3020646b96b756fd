import type { Queryable } from './database.js';
import type { CardBrand } from '../domain/cards.js';

export interface Address {
  line1: string;
  line2?: string;
  city: string;
  postalCode: string;
  region?: string;
  country: string;
}

export interface PaymentMethod {
  orgId: string;
  id: string;
  ownerId: string;
  gatewayToken: string;
  brand: CardBrand;
  last4: string;
  expMonth: number;
  expYear: number;
  nameOnCard: string;
  address: Address;
  createdAt: Date;
}

export const PAYMENT_METHOD_COLUMNS = `pm.org_id AS "orgId", pm.id, pm.owner_id AS "ownerId", pm.gateway_token AS "gatewayToken",
  pm.brand, pm.last4, pm.exp_month AS "expMonth", pm.exp_year AS "expYear", pm.name_on_card AS "nameOnCard",
  pm.address, pm.created_at AS "createdAt"`;

export async function insertPaymentMethod(
  db: Queryable,
  pm: Omit<PaymentMethod, 'id' | 'createdAt'>,
  now: Date,
): Promise<PaymentMethod> {
  const [row] = await db.query<PaymentMethod>(
    `INSERT INTO payment_methods AS pm (org_id, owner_id, gateway_token, brand, last4, exp_month, exp_year, name_on_card, address, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING ${PAYMENT_METHOD_COLUMNS}`,
    [pm.orgId, pm.ownerId, pm.gatewayToken, pm.brand, pm.last4, pm.expMonth, pm.expYear, pm.nameOnCard, JSON.stringify(pm.address), now],
  );
  return row!;
}

/** One of the owner's cards that is not deleted. */
export async function findPaymentMethod(db: Queryable, orgId: string, ownerId: string, id: string): Promise<PaymentMethod | undefined> {
  const [row] = await db.query<PaymentMethod>(
    `SELECT ${PAYMENT_METHOD_COLUMNS} FROM payment_methods pm
      WHERE pm.org_id = $1 AND pm.owner_id = $2 AND pm.id = $3 AND pm.deleted_at IS NULL`,
    [orgId, ownerId, id],
  );
  return row;
}

export function listPaymentMethods(db: Queryable, orgId: string, ownerId: string): Promise<PaymentMethod[]> {
  return db.query<PaymentMethod>(
    `SELECT ${PAYMENT_METHOD_COLUMNS} FROM payment_methods pm
      WHERE pm.org_id = $1 AND pm.owner_id = $2 AND pm.deleted_at IS NULL ORDER BY pm.created_at DESC, pm.id`,
    [orgId, ownerId],
  );
}
