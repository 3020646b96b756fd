import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { listInvoices } from '../../db/invoices.js';
import type { Column, Table } from '../../domain/csv.js';
import { invoiceRange } from '../../domain/invoice-range.js';
import type { InvoiceQuery } from './list-my-invoices.js';

/** The caller's invoices of a period as a table to export: amounts in minor units, words per language. */
export async function exportInvoices(
  deps: Deps,
  actor: Actor,
  q: Omit<InvoiceQuery, 'cursor' | 'limit'>,
): Promise<Table> {
  const { from, to } = invoiceRange(q.from, q.to, deps.clock.now(), q.months);
  const rows = await listInvoices(deps.db, actor.orgId, actor.personId, { from, to, limit: 10_000 });
  return {
    name: 'invoices',
    columns: INVOICE_COLUMNS,
    rows: rows.map((i) => [
      i.number,
      i.kind,
      i.issuedAt,
      i.productName,
      i.periodStart,
      i.periodEnd,
      i.currency,
      i.subtotal,
      i.tax,
      i.total,
      i.status,
    ]),
  };
}

const INVOICE_COLUMNS: Column[] = [
  { header: { fr: 'Numéro', en: 'Number' }, type: 'text' },
  {
    header: { fr: 'Type', en: 'Type' },
    type: 'text',
    labels: {
      fr: { invoice: 'Facture', credit_note: 'Avoir' },
      en: { invoice: 'Invoice', credit_note: 'Credit note' },
    },
  },
  { header: { fr: "Date d'émission", en: 'Issued' }, type: 'day' },
  { header: { fr: 'Produit', en: 'Product' }, type: 'text' },
  { header: { fr: 'Début de période', en: 'Period start' }, type: 'day' },
  { header: { fr: 'Fin de période', en: 'Period end' }, type: 'day' },
  { header: { fr: 'Devise', en: 'Currency' }, type: 'text' },
  { header: { fr: 'Total HT', en: 'Subtotal' }, type: 'money' },
  { header: { fr: 'TVA', en: 'VAT' }, type: 'money' },
  { header: { fr: 'Total TTC', en: 'Total' }, type: 'money' },
  {
    header: { fr: 'Statut', en: 'Status' },
    type: 'text',
    labels: {
      fr: { paid: 'Payée', due: 'À payer', refunded: 'Remboursée', void: 'Annulée' },
      en: { paid: 'Paid', due: 'Due', refunded: 'Refunded', void: 'Void' },
    },
  },
];
