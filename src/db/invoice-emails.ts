import type { Queryable } from './database.js';
import type { Locale } from '../domain/locale.js';

/** The invoice's e-mail, to be sent by the job runner: written in the transaction that issues the invoice. */
export async function queueInvoiceEmail(db: Queryable, orgId: string, invoiceId: string, now: Date): Promise<void> {
  await db.query(
    `INSERT INTO invoice_emails (org_id, invoice_id, created_at, next_attempt_at) VALUES ($1, $2, $3, $3) ON CONFLICT DO NOTHING`,
    [orgId, invoiceId, now],
  );
}

/** The invoice keeps the buyer's VAT number as its billing profile has it at issue, like the rest of the profile. */
export async function snapshotBuyerVatNumber(db: Queryable, orgId: string, invoiceId: string): Promise<void> {
  await db.query(
    `UPDATE invoices i SET billing_snapshot = i.billing_snapshot || jsonb_build_object('vatNumber', bp.vat_number)
       FROM billing_profiles bp
      WHERE i.org_id = $1 AND i.id = $2 AND bp.org_id = i.org_id AND bp.id = i.billing_profile_id AND bp.vat_number IS NOT NULL`,
    [orgId, invoiceId],
  );
}

export interface PendingInvoiceEmail {
  orgId: string;
  invoiceId: string;
  attempts: number;
  /** the billing profile's invoice e-mail as issued, else the buyer's own */
  to: string;
  /** the language of the person at that address (the buyer when it is nobody's); null: not chosen */
  language: Locale | null;
  orgCountry: string;
}

/**
 * The next e-mail due, locked until the caller's transaction ends: another server skips it,
 * so it is sent once.
 */
export async function lockNextInvoiceEmail(db: Queryable, now: Date): Promise<PendingInvoiceEmail | undefined> {
  const [row] = await db.query<PendingInvoiceEmail>(
    `SELECT e.org_id AS "orgId", e.invoice_id AS "invoiceId", e.attempts, coalesce(i.billing_snapshot->>'invoiceEmail', p.email) AS "to",
            CASE WHEN r.id IS NOT NULL THEN r.language ELSE p.language END AS language, o.country AS "orgCountry"
       FROM invoice_emails e
       JOIN invoices i ON i.org_id = e.org_id AND i.id = e.invoice_id
       JOIN people p ON p.org_id = i.org_id AND p.id = i.owner_id
       JOIN organizations o ON o.id = e.org_id
       LEFT JOIN people r ON r.org_id = i.org_id AND r.email = lower(i.billing_snapshot->>'invoiceEmail')
      WHERE e.status = 'pending' AND e.next_attempt_at <= $1
      ORDER BY e.next_attempt_at, e.invoice_id LIMIT 1
        FOR UPDATE OF e SKIP LOCKED`,
    [now],
  );
  return row;
}

export async function markInvoiceEmailSent(
  db: Queryable,
  orgId: string,
  invoiceId: string,
  sent: { at: Date; to: string; language: Locale },
): Promise<void> {
  await db.query(
    `UPDATE invoice_emails SET status = 'sent', attempts = attempts + 1, sent_at = $3, sent_to = $4, language = $5, last_error = NULL
      WHERE org_id = $1 AND invoice_id = $2`,
    [orgId, invoiceId, sent.at, sent.to, sent.language],
  );
}

/** A failed attempt: tried again at `retryAt`, or given up (failed) when null. */
export async function markInvoiceEmailFailed(
  db: Queryable,
  orgId: string,
  invoiceId: string,
  error: string,
  retryAt: Date | null,
): Promise<void> {
  await db.query(
    `UPDATE invoice_emails SET attempts = attempts + 1, last_error = $3, next_attempt_at = coalesce($4, next_attempt_at),
            status = CASE WHEN $4::timestamptz IS NULL THEN 'failed' ELSE 'pending' END
      WHERE org_id = $1 AND invoice_id = $2`,
    [orgId, invoiceId, error.slice(0, 500), retryAt],
  );
}

/** Without a mail server, invoices due to be e-mailed are not kept for one configured later. */
export async function skipPendingInvoiceEmails(db: Queryable, now: Date): Promise<number> {
  const rows = await db.query(
    `UPDATE invoice_emails SET status = 'skipped' WHERE status = 'pending' AND next_attempt_at <= $1 RETURNING invoice_id`,
    [now],
  );
  return rows.length;
}
