import type { Queryable } from '../../db/database.js';
import { insertInvoice, type InvoiceLine, type NewInvoice } from '../../db/invoices.js';
import { findOrganization } from '../../db/organizations.js';
import type { BillingProfile } from '../../db/billing-profiles.js';
import type { Totals } from '../../domain/pricing.js';
import type { Currency } from '../../domain/money.js';
import { invoiceIssued } from '../invoices/invoice-issued.js';

/** An invoice or credit note worked out when the action is asked for, issued once it is paid. */
export interface InvoiceDraft {
  kind: 'invoice' | 'credit_note';
  ownerId: string;
  subscriptionId: string;
  billingProfileId: string | null;
  billingSnapshot: Record<string, unknown>;
  periodStart: string;
  periodEnd: string;
  currency: Currency;
  totals: Totals;
  lines: (Omit<InvoiceLine, 'periodStart' | 'periodEnd'> & { periodStart: string; periodEnd: string })[];
}

/** The billing profile as the invoice keeps it, whatever becomes of the profile later. */
export const snapshotOf = (bp: Pick<BillingProfile, 'name' | 'address' | 'country' | 'currency' | 'invoiceEmail'>) => ({
  name: bp.name,
  address: bp.address,
  country: bp.country,
  currency: bp.currency,
  invoiceEmail: bp.invoiceEmail,
});

export function draftInvoice(
  d: Omit<InvoiceDraft, 'periodStart' | 'periodEnd' | 'lines'> & {
    periodStart: Date;
    periodEnd: Date;
    line: Omit<InvoiceLine, 'periodStart' | 'periodEnd'>;
  },
): InvoiceDraft {
  const periodStart = d.periodStart.toISOString();
  const periodEnd = d.periodEnd.toISOString();
  const { line, ...rest } = d;
  return { ...rest, periodStart, periodEnd, lines: [{ ...line, periodStart, periodEnd }] };
}

/** Issues the draft with the organization's next number, in the caller's transaction. */
export async function issueInvoice(
  tx: Queryable,
  orgId: string,
  draft: InvoiceDraft,
  paid: { status: NewInvoice['status']; payment: NewInvoice['payment']; creditedInvoiceId?: string | null | undefined },
  now: Date,
): Promise<string> {
  const org = (await findOrganization(tx, orgId))!;
  const { id } = await insertInvoice(
    tx,
    {
      orgId,
      kind: draft.kind,
      ownerId: draft.ownerId,
      subscriptionId: draft.subscriptionId,
      billingProfileId: draft.billingProfileId,
      billingSnapshot: draft.billingSnapshot,
      issuedAt: now,
      periodStart: new Date(draft.periodStart),
      periodEnd: new Date(draft.periodEnd),
      currency: draft.currency,
      ...draft.totals,
      status: paid.status,
      payment: paid.payment,
      creditedInvoiceId: paid.creditedInvoiceId ?? null,
      lines: draft.lines.map((l) => ({ ...l, periodStart: new Date(l.periodStart), periodEnd: new Date(l.periodEnd) })),
    },
    org.invoicePrefix,
  );
  await invoiceIssued(tx, orgId, id, now);
  return id;
}
