import type { Queryable } from '../../db/database.js';
import { queueInvoiceEmail, snapshotBuyerVatNumber } from '../../db/invoice-emails.js';

/**
 * What follows the issue of an invoice or credit note, in the transaction that issues it: it
 * keeps the buyer's VAT number with the rest of the billing profile, and its e-mail is queued
 * (sent by the job runner), so an invoice exists exactly when its e-mail is due.
 */
export async function invoiceIssued(tx: Queryable, orgId: string, invoiceId: string, now: Date): Promise<void> {
  await snapshotBuyerVatNumber(tx, orgId, invoiceId);
  await queueInvoiceEmail(tx, orgId, invoiceId, now);
}
