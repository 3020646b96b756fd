import type { Queryable } from './database.js';
import type { Currency } from '../domain/money.js';

export interface InvoiceLine {
  productId: string;
  description: string;
  quantity: number;
  periodStart: Date;
  periodEnd: Date;
  unitPrice: number;
  amount: number;
}

export interface NewInvoice {
  orgId: string;
  kind: 'invoice' | 'credit_note';
  ownerId: string;
  subscriptionId: string | null;
  billingProfileId: string | null;
  /** the billing profile as it is now: the invoice keeps it as issued */
  billingSnapshot: Record<string, unknown>;
  issuedAt: Date;
  periodStart: Date | null;
  periodEnd: Date | null;
  currency: Currency;
  subtotal: number;
  taxRateBp: number;
  tax: number;
  total: number;
  status: 'paid' | 'due' | 'refunded' | 'void';
  payment: { brand: string; last4: string } | null;
  creditedInvoiceId: string | null;
  lines: InvoiceLine[];
}

/**
 * Issues an invoice or credit note with the next number of the organization and year, in the
 * caller's transaction: the counter row's lock keeps numbers sequential without gaps, and a
 * rolled-back transaction gives its number back.
 */
export async function insertInvoice(db: Queryable, invoice: NewInvoice, prefix: string): Promise<{ id: string; number: string }> {
  const year = invoice.issuedAt.getUTCFullYear();
  const [counter] = await db.query<{ n: number }>(
    `INSERT INTO invoice_counters (org_id, year, last_number) VALUES ($1, $2, 1)
     ON CONFLICT (org_id, year) DO UPDATE SET last_number = invoice_counters.last_number + 1
     RETURNING last_number AS n`,
    [invoice.orgId, year],
  );
  const number = `${prefix}-${year}-${String(counter!.n).padStart(6, '0')}`;
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO invoices (org_id, number, kind, owner_id, subscription_id, billing_profile_id, billing_snapshot, issued_at,
       period_start, period_end, currency, subtotal, tax_rate_bp, tax, total, status, payment, credited_invoice_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) RETURNING id`,
    [invoice.orgId, number, invoice.kind, invoice.ownerId, invoice.subscriptionId, invoice.billingProfileId,
      JSON.stringify(invoice.billingSnapshot), invoice.issuedAt, invoice.periodStart, invoice.periodEnd, invoice.currency,
      invoice.subtotal, invoice.taxRateBp, invoice.tax, invoice.total, invoice.status,
      invoice.payment && JSON.stringify(invoice.payment), invoice.creditedInvoiceId],
  );
  await db.query(
    `INSERT INTO invoice_lines (org_id, invoice_id, line_no, product_id, description, quantity, period_start, period_end, unit_price, amount)
     SELECT $1, $2, l.line_no, l.product_id, l.description, l.quantity, l.period_start, l.period_end, l.unit_price, l.amount
       FROM jsonb_to_recordset($3::jsonb) AS l(line_no int, product_id text, description text, quantity int,
            period_start timestamptz, period_end timestamptz, unit_price bigint, amount bigint)`,
    [invoice.orgId, row!.id, JSON.stringify(invoice.lines.map((l, i) => ({
      line_no: i + 1, product_id: l.productId, description: l.description, quantity: l.quantity,
      period_start: l.periodStart, period_end: l.periodEnd, unit_price: l.unitPrice, amount: l.amount,
    })))],
  );
  return { id: row!.id, number };
}

export async function findTaxRate(db: Queryable, country: string): Promise<number> {
  const [row] = await db.query<{ rateBp: number }>('SELECT rate_bp AS "rateBp" FROM tax_rates WHERE country = $1', [country]);
  return row?.rateBp ?? 0;
}
