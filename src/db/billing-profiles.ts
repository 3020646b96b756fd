import type { Queryable } from './database.js';
import type { Currency } from '../domain/money.js';
import type { Address } from './payment-methods.js';

export interface BillingProfile {
  orgId: string;
  id: string;
  ownerId: string;
  name: string;
  /** the sold-to address; its country decides the VAT */
  address: Omit<Address, 'country'>;
  country: string;
  currency: Currency;
  invoiceEmail: string | null;
  /** the buyer's VAT number, normalized (FR11123456782), printed on its invoices */
  vatNumber?: string | null;
  paymentMethodId: string | null;
  createdAt: Date;
}

export const BILLING_PROFILE_COLUMNS = `bp.org_id AS "orgId", bp.id, bp.owner_id AS "ownerId", bp.name, bp.address, bp.country,
  bp.currency, bp.invoice_email AS "invoiceEmail", bp.vat_number AS "vatNumber", bp.payment_method_id AS "paymentMethodId", bp.created_at AS "createdAt"`;

export async function insertBillingProfile(
  db: Queryable,
  bp: Omit<BillingProfile, 'id' | 'createdAt'>,
  now: Date,
): Promise<BillingProfile> {
  const [row] = await db.query<BillingProfile>(
    `INSERT INTO billing_profiles AS bp (org_id, owner_id, name, address, country, currency, invoice_email, vat_number, payment_method_id, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING ${BILLING_PROFILE_COLUMNS}`,
    [
      bp.orgId,
      bp.ownerId,
      bp.name,
      JSON.stringify(bp.address),
      bp.country,
      bp.currency,
      bp.invoiceEmail,
      bp.vatNumber ?? null,
      bp.paymentMethodId,
      now,
    ],
  );
  return row!;
}

/** One of the owner's billing profiles. */
export async function findBillingProfile(
  db: Queryable,
  orgId: string,
  ownerId: string,
  id: string,
): Promise<BillingProfile | undefined> {
  const [row] = await db.query<BillingProfile>(
    `SELECT ${BILLING_PROFILE_COLUMNS} FROM billing_profiles bp WHERE bp.org_id = $1 AND bp.owner_id = $2 AND bp.id = $3`,
    [orgId, ownerId, id],
  );
  return row;
}

export function listBillingProfiles(db: Queryable, orgId: string, ownerId: string): Promise<BillingProfile[]> {
  return db.query<BillingProfile>(
    `SELECT ${BILLING_PROFILE_COLUMNS} FROM billing_profiles bp WHERE bp.org_id = $1 AND bp.owner_id = $2 ORDER BY bp.created_at, bp.id`,
    [orgId, ownerId],
  );
}

export async function updateBillingProfile(
  db: Queryable,
  orgId: string,
  id: string,
  c: {
    name?: string;
    address?: BillingProfile['address'];
    country?: string;
    invoiceEmail?: string | null;
    vatNumber?: string | null;
    paymentMethodId?: string;
  },
  now: Date,
): Promise<void> {
  await db.query(
    `UPDATE billing_profiles SET name = coalesce($3, name), address = coalesce($4::jsonb, address), country = coalesce($5, country),
       invoice_email = CASE WHEN $6::boolean THEN $7 ELSE invoice_email END, payment_method_id = coalesce($8, payment_method_id), updated_at = $9,
       vat_number = CASE WHEN $10::boolean THEN $11 ELSE vat_number END
      WHERE org_id = $1 AND id = $2`,
    [
      orgId,
      id,
      c.name ?? null,
      c.address ? JSON.stringify(c.address) : null,
      c.country ?? null,
      c.invoiceEmail !== undefined,
      c.invoiceEmail ?? null,
      c.paymentMethodId ?? null,
      now,
      c.vatNumber !== undefined,
      c.vatNumber ?? null,
    ],
  );
}

/** The subscriptions billed to a profile, for its page. */
export function subscriptionsBilledTo(db: Queryable, orgId: string, id: string) {
  return db.query<{ id: string; productName: string; status: string; quantity: number; termEnd: Date }>(
    `SELECT s.id, pr.name AS "productName", s.status, s.quantity, s.term_end AS "termEnd"
       FROM subscriptions s JOIN products pr ON pr.id = s.product_id
      WHERE s.org_id = $1 AND s.billing_profile_id = $2 AND s.status <> 'deleted' ORDER BY s.created_at DESC`,
    [orgId, id],
  );
}

/** Countries we know the VAT of: the only ones a profile may be billed in. */
export async function isBillingCountry(db: Queryable, country: string): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM tax_rates WHERE country = $1', [country]);
  return rows.length > 0;
}
