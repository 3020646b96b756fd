import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { findInvoice, listInvoices, type InvoiceDetail } from '../../db/invoices.js';
import { notFound } from '../../domain/errors.js';
import type { Currency } from '../../domain/money.js';
import { decodeCursor, encodeCursor, isUuid } from '../../domain/cursor.js';
import { isInstant } from '../../domain/storable.js';
import type { Column, Table } from '../../domain/csv.js';
import { invoiceRange } from '../../domain/invoice-range.js';

export interface InvoiceQuery {
  from?: string;
  to?: string;
  months?: number;
  cursor?: string;
  limit: number;
}

/** The caller's invoices and credit notes in a period (the last 3 months by default), newest first. */
export async function listMyInvoices(deps: Deps, actor: Actor, q: InvoiceQuery) {
  const { from, to } = invoiceRange(q.from, q.to, deps.clock.now(), q.months);
  const before = decodeCursor<{ issuedAt: string; id: string }>(q.cursor, (k) => isInstant(k.issuedAt) && isUuid(k.id));
  const rows = await listInvoices(deps.db, actor.orgId, actor.personId, { from, to, before, limit: q.limit + 1 });
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    from: from.toISOString(), to: to.toISOString(),
    items: page.map(money),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ issuedAt: new Date(last.issuedAt).toISOString(), id: last.id }) : null,
  };
}

const money = <T extends { currency: Currency; subtotal: number; tax: number; total: number }>(i: T) => ({
  ...i,
  subtotal: { amount: i.subtotal, currency: i.currency },
  tax: { amount: i.tax, currency: i.currency },
  total: { amount: i.total, currency: i.currency },
});

/** One invoice of the caller, whatever became of its subscription since. */
export async function getMyInvoice(deps: Deps, actor: Actor, id: string): Promise<InvoiceDetail> {
  const invoice = await findInvoice(deps.db, actor.orgId, id);
  if (!invoice || invoice.ownerId !== actor.personId) throw notFound('The invoice');
  return invoice;
}

export async function getInvoice(deps: Deps, actor: Actor, id: string) {
  const { ownerId: _, ...invoice } = await getMyInvoice(deps, actor, id);
  return {
    ...money(invoice),
    lines: invoice.lines.map((l) => ({ ...l, unitPrice: { amount: l.unitPrice, currency: invoice.currency }, amount: { amount: l.amount, currency: invoice.currency } })),
  };
}

/** The caller's invoices of a period as a table to export: amounts in minor units, words per language. */
export async function exportInvoices(deps: Deps, actor: Actor, q: Omit<InvoiceQuery, 'cursor' | 'limit'>): Promise<Table> {
  const { from, to } = invoiceRange(q.from, q.to, deps.clock.now(), q.months);
  const rows = await listInvoices(deps.db, actor.orgId, actor.personId, { from, to, limit: 10_000 });
  return {
    name: 'invoices',
    columns: INVOICE_COLUMNS,
    rows: rows.map((i) => [i.number, i.kind, i.issuedAt, i.productName, i.periodStart, i.periodEnd, i.currency, i.subtotal, i.tax, i.total, i.status]),
  };
}

const INVOICE_COLUMNS: Column[] = [
  { header: { fr: 'Numéro', en: 'Number' }, type: 'text' },
  { header: { fr: 'Type', en: 'Type' }, type: 'text', labels: { fr: { invoice: 'Facture', credit_note: 'Avoir' }, en: { invoice: 'Invoice', credit_note: 'Credit note' } } },
  { header: { fr: "Date d'émission", en: 'Issued' }, type: 'day' },
  { header: { fr: 'Produit', en: 'Product' }, type: 'text' },
  { header: { fr: 'Début de période', en: 'Period start' }, type: 'day' },
  { header: { fr: 'Fin de période', en: 'Period end' }, type: 'day' },
  { header: { fr: 'Devise', en: 'Currency' }, type: 'text' },
  { header: { fr: 'Total HT', en: 'Subtotal' }, type: 'money' },
  { header: { fr: 'TVA', en: 'VAT' }, type: 'money' },
  { header: { fr: 'Total TTC', en: 'Total' }, type: 'money' },
  {
    header: { fr: 'Statut', en: 'Status' }, type: 'text',
    labels: { fr: { paid: 'Payée', due: 'À payer', refunded: 'Remboursée', void: 'Annulée' }, en: { paid: 'Paid', due: 'Due', refunded: 'Refunded', void: 'Void' } },
  },
];
