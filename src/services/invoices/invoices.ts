import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { findInvoice, listInvoices, type InvoiceDetail } from '../../db/invoices.js';
import { notFound } from '../../domain/errors.js';
import type { Currency } from '../../domain/money.js';
import { decodeCursor, encodeCursor, isUuid } from '../../domain/cursor.js';
import { isInstant } from '../../domain/storable.js';
import { toCsv } from '../../domain/csv.js';
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

export async function exportInvoices(deps: Deps, actor: Actor, q: Omit<InvoiceQuery, 'cursor' | 'limit'>): Promise<string> {
  const { from, to } = invoiceRange(q.from, q.to, deps.clock.now(), q.months);
  const rows = await listInvoices(deps.db, actor.orgId, actor.personId, { from, to, limit: 10_000 });
  const cents = (n: number) => (n / 100).toFixed(2);
  return toCsv(['Number', 'Type', 'Issued', 'Product', 'Period start', 'Period end', 'Currency', 'Subtotal', 'VAT', 'Total', 'Status'],
    rows.map((i) => [i.number, i.kind, new Date(i.issuedAt).toISOString().slice(0, 10), i.productName, i.periodStart && new Date(i.periodStart).toISOString().slice(0, 10),
      i.periodEnd && new Date(i.periodEnd).toISOString().slice(0, 10), i.currency, cents(i.subtotal), cents(i.tax), cents(i.total), i.status]));
}

