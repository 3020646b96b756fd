import type { Queryable } from './database.js';
import type { Currency } from '../domain/money.js';
import type { MonthSpend } from '../domain/spend.js';
import type { PaymentLabel } from '../domain/payment-methods.js';

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
  payment: PaymentLabel | null;
  creditedInvoiceId: string | null;
  lines: InvoiceLine[];
}

/**
 * Issues an invoice or credit note with the next number of the organization and year, in the
 * caller's transaction: the counter row's lock keeps numbers sequential without gaps, and a
 * rolled-back transaction gives its number back.
 */
export async function insertInvoice(
  db: Queryable,
  invoice: NewInvoice,
  prefix: string,
): Promise<{ id: string; number: string }> {
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
    [
      invoice.orgId,
      number,
      invoice.kind,
      invoice.ownerId,
      invoice.subscriptionId,
      invoice.billingProfileId,
      JSON.stringify(invoice.billingSnapshot),
      invoice.issuedAt,
      invoice.periodStart,
      invoice.periodEnd,
      invoice.currency,
      invoice.subtotal,
      invoice.taxRateBp,
      invoice.tax,
      invoice.total,
      invoice.status,
      invoice.payment && JSON.stringify(invoice.payment),
      invoice.creditedInvoiceId,
    ],
  );
  await db.query(
    `INSERT INTO invoice_lines (org_id, invoice_id, line_no, product_id, description, quantity, period_start, period_end, unit_price, amount)
     SELECT $1, $2, l.line_no, l.product_id, l.description, l.quantity, l.period_start, l.period_end, l.unit_price, l.amount
       FROM jsonb_to_recordset($3::jsonb) AS l(line_no int, product_id text, description text, quantity int,
            period_start timestamptz, period_end timestamptz, unit_price bigint, amount bigint)`,
    [
      invoice.orgId,
      row!.id,
      JSON.stringify(
        invoice.lines.map((l, i) => ({
          line_no: i + 1,
          product_id: l.productId,
          description: l.description,
          quantity: l.quantity,
          period_start: l.periodStart,
          period_end: l.periodEnd,
          unit_price: l.unitPrice,
          amount: l.amount,
        })),
      ),
    ],
  );
  return { id: row!.id, number };
}

/** The VAT rate of a billing country; undefined for a country we cannot bill to. */
export async function findTaxRate(db: Queryable, country: string): Promise<number | undefined> {
  const [row] = await db.query<{ rateBp: number }>('SELECT rate_bp AS "rateBp" FROM tax_rates WHERE country = $1', [
    country,
  ]);
  return row?.rateBp;
}

export interface InvoiceSummary {
  id: string;
  number: string;
  kind: 'invoice' | 'credit_note';
  issuedAt: Date;
  periodStart: Date | null;
  periodEnd: Date | null;
  currency: Currency;
  subtotal: number;
  tax: number;
  total: number;
  status: 'paid' | 'due' | 'refunded' | 'void';
  subscriptionId: string | null;
  productName: string | null;
}

const SUMMARY = `i.id, i.number, i.kind, i.issued_at AS "issuedAt", i.period_start AS "periodStart", i.period_end AS "periodEnd", i.currency,
  i.subtotal, i.tax, i.total, i.status, i.subscription_id AS "subscriptionId",
  (SELECT pr.name FROM invoice_lines l JOIN products pr ON pr.id = l.product_id WHERE l.org_id = i.org_id AND l.invoice_id = i.id ORDER BY l.line_no LIMIT 1) AS "productName"`;

/** An owner's invoices issued in [from, to), newest first, keyset paged. */
export function listInvoices(
  db: Queryable,
  orgId: string,
  ownerId: string,
  q: { from: Date; to: Date; before?: { issuedAt: string; id: string } | undefined; limit: number },
) {
  return db.query<InvoiceSummary>(
    `SELECT ${SUMMARY} FROM invoices i
      WHERE i.org_id = $1 AND i.owner_id = $2 AND i.issued_at >= $3 AND i.issued_at < $4
        AND ($5::timestamptz IS NULL OR (i.issued_at, i.id) < ($5, $6::uuid))
      ORDER BY i.issued_at DESC, i.id DESC LIMIT $7`,
    [orgId, ownerId, q.from, q.to, q.before?.issuedAt ?? null, q.before?.id ?? null, q.limit],
  );
}

export interface InvoiceDetail extends InvoiceSummary {
  ownerId: string;
  billingSnapshot: Record<string, unknown>;
  taxRateBp: number;
  payment: PaymentLabel | null;
  creditedInvoiceId: string | null;
  lines: (InvoiceLine & { lineNo: number })[];
}

export async function findInvoice(db: Queryable, orgId: string, id: string): Promise<InvoiceDetail | undefined> {
  const [row] = await db.query<InvoiceDetail>(
    `SELECT ${SUMMARY}, i.owner_id AS "ownerId", i.billing_snapshot AS "billingSnapshot", i.tax_rate_bp AS "taxRateBp", i.payment,
            i.credited_invoice_id AS "creditedInvoiceId",
            coalesce((SELECT jsonb_agg(jsonb_build_object('lineNo', l.line_no, 'productId', l.product_id, 'description', l.description,
                'quantity', l.quantity, 'periodStart', l.period_start, 'periodEnd', l.period_end, 'unitPrice', l.unit_price, 'amount', l.amount)
                ORDER BY l.line_no) FROM invoice_lines l WHERE l.org_id = i.org_id AND l.invoice_id = i.id), '[]'::jsonb) AS lines
       FROM invoices i WHERE i.org_id = $1 AND i.id = $2`,
    [orgId, id],
  );
  return row;
}

/** The invoice a failed renewal left due for a term, if any. */
export async function findDueInvoice(
  db: Queryable,
  orgId: string,
  subscriptionId: string,
  periodStart: Date,
): Promise<string | undefined> {
  const [row] = await db.query<{ id: string }>(
    `SELECT id FROM invoices WHERE org_id = $1 AND subscription_id = $2 AND status = 'due' AND period_start = $3 FOR UPDATE`,
    [orgId, subscriptionId, periodStart],
  );
  return row?.id;
}

/** A due invoice whose term will never be delivered (the subscription was canceled or taken over) is owed no more. */
export async function voidDueInvoices(db: Queryable, orgId: string, subscriptionId: string): Promise<number> {
  const rows = await db.query(
    `UPDATE invoices SET status = 'void' WHERE org_id = $1 AND subscription_id = $2 AND status = 'due' RETURNING id`,
    [orgId, subscriptionId],
  );
  return rows.length;
}

export async function markInvoicePaid(
  db: Queryable,
  orgId: string,
  id: string,
  payment: PaymentLabel | null,
): Promise<void> {
  await db.query(`UPDATE invoices SET status = 'paid', payment = $3 WHERE org_id = $1 AND id = $2`, [
    orgId,
    id,
    payment && JSON.stringify(payment),
  ]);
}

/** The countries we can bill to: those whose VAT rate we know (any other is refused as unsupported_country). */
export async function listTaxCountries(db: Queryable): Promise<string[]> {
  const rows = await db.query<{ country: string }>('SELECT country FROM tax_rates ORDER BY country');
  return rows.map((r) => r.country);
}

/**
 * What the whole organization was billed in [from, to) (first days of months, UTC), by month and
 * currency: invoices minus credit notes from the monthly totals (invoice_months), void ones taken
 * off. Twelve rows a currency to read, however many invoices; months without any have no row.
 */
export function organizationSpendByMonth(db: Queryable, orgId: string, from: Date, to: Date) {
  return db.query<MonthSpend>(
    `SELECT to_char(s.month, 'YYYY-MM') AS month, s.currency, sum(s.amount)::bigint AS amount FROM (
       SELECT m.month, m.currency, m.amount FROM invoice_months m
        WHERE m.org_id = $1 AND m.month >= ($2::timestamptz AT TIME ZONE 'UTC')::date AND m.month < ($3::timestamptz AT TIME ZONE 'UTC')::date
       UNION ALL
       SELECT date_trunc('month', i.issued_at AT TIME ZONE 'UTC')::date, i.currency, CASE WHEN i.kind = 'credit_note' THEN i.total ELSE -i.total END
         FROM invoices i WHERE i.org_id = $1 AND i.status = 'void' AND i.issued_at >= $2 AND i.issued_at < $3) s
      GROUP BY s.month, s.currency ORDER BY 1, 2`,
    [orgId, from, to],
  );
}

/**
 * What one person was billed in [from, to), by month (UTC) and currency: their own invoices minus
 * their credit notes, void ones left out, read through invoices_owner_issued_idx (a person's
 * invoices are few, unlike the organization's). Months without any have no row.
 */
export function ownerSpendByMonth(db: Queryable, orgId: string, ownerId: string, from: Date, to: Date) {
  return db.query<MonthSpend>(
    `SELECT to_char(i.issued_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, i.currency,
            sum(CASE WHEN i.kind = 'credit_note' THEN -i.total ELSE i.total END)::bigint AS amount
       FROM invoices i
      WHERE i.org_id = $1 AND i.owner_id = $2 AND i.issued_at >= $3 AND i.issued_at < $4 AND i.status <> 'void'
      GROUP BY 1, 2 ORDER BY 1, 2`,
    [orgId, ownerId, from, to],
  );
}
