import PDFDocument from 'pdfkit';
import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { findOrganization } from '../../db/organizations.js';
import { getMyInvoice } from './invoices.js';

export type PdfLocale = 'fr' | 'en';

const LABELS = {
  en: {
    invoice: 'Invoice', credit_note: 'Credit note', number: 'Number', issued: 'Issued on', period: 'Period', seller: 'Seller', buyer: 'Billed to',
    product: 'Product', licenses: 'Licenses', unit: 'Unit price', amount: 'Amount', subtotal: 'Subtotal', vat: 'VAT', total: 'Total',
    status: { paid: 'Paid', due: 'Due', refunded: 'Refunded', void: 'Void' }, paidWith: 'Card', organization: 'Organization',
  },
  fr: {
    invoice: 'Facture', credit_note: 'Avoir', number: 'Numéro', issued: 'Émise le', period: 'Période', seller: 'Vendeur', buyer: 'Facturé à',
    product: 'Produit', licenses: 'Licences', unit: 'Prix unitaire', amount: 'Montant', subtotal: 'Sous-total', vat: 'TVA', total: 'Total',
    status: { paid: 'Payée', due: 'À payer', refunded: 'Remboursée', void: 'Annulée' }, paidWith: 'Carte', organization: 'Organisation',
  },
};

const SELLER = ['Selfserve SAS', '10 rue de la Paix', '75002 Paris, France', 'VAT FR00123456789'];

/**
 * The invoice as a PDF in the reader's language. The standard PDF fonts know Latin-1 and the
 * euro sign, not the narrow spaces Intl puts in French numbers: those become plain spaces.
 */
export async function invoicePdf(deps: Deps, actor: Actor, id: string, locale: PdfLocale): Promise<{ number: string; pdf: Buffer }> {
  const invoice = await getMyInvoice(deps, actor, id);
  const org = (await findOrganization(deps.db, actor.orgId))!;
  const l = LABELS[locale];
  const tag = locale === 'fr' ? 'fr-FR' : 'en-US';
  const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');
  const money = (minor: number) => plain(new Intl.NumberFormat(tag, { style: 'currency', currency: invoice.currency }).format(minor / 100));
  const date = (d: Date | string) => plain(new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(d)));
  const buyer = invoice.billingSnapshot as { name?: string; address?: { line1?: string; line2?: string; postalCode?: string; city?: string }; country?: string };

  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `${l[invoice.kind]} ${invoice.number}`, Author: 'Selfserve' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  doc.font('Helvetica-Bold').fontSize(20).text(`${l[invoice.kind]} ${invoice.number}`);
  doc.moveDown(0.5).font('Helvetica').fontSize(10);
  doc.text(`${l.issued}: ${date(invoice.issuedAt)}`);
  if (invoice.periodStart && invoice.periodEnd) doc.text(`${l.period}: ${date(invoice.periodStart)} - ${date(invoice.periodEnd)}`);
  doc.text(`${l.status[invoice.status]}${invoice.payment ? ` · ${l.paidWith} ${invoice.payment.brand.toUpperCase()} **** ${invoice.payment.last4}` : ''}`);
  doc.moveDown();
  const top = doc.y;
  doc.font('Helvetica-Bold').text(l.seller, 50, top).font('Helvetica').text(SELLER.join('\n'));
  doc.font('Helvetica-Bold').text(l.buyer, 300, top).font('Helvetica')
    .text([buyer.name, org.name, buyer.address?.line1, buyer.address?.line2, `${buyer.address?.postalCode ?? ''} ${buyer.address?.city ?? ''}`.trim(), buyer.country]
      .filter(Boolean).join('\n'), 300);
  doc.moveDown(2);

  const cols = [50, 270, 340, 430];
  const row = (cells: string[], bold = false) => {
    const y = doc.y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica');
    cells.forEach((c, i) => doc.text(c, cols[i]!, y, { width: i === 0 ? 210 : 110, align: i === 0 ? 'left' : 'right' }));
    doc.moveDown(0.5);
  };
  doc.x = 50;
  row([l.product, l.licenses, l.unit, l.amount], true);
  for (const line of invoice.lines) {
    row([`${line.description}\n${date(line.periodStart)} - ${date(line.periodEnd)}`, String(line.quantity), money(line.unitPrice), money(line.amount)]);
  }
  doc.moveDown();
  row(['', '', l.subtotal, money(invoice.subtotal)]);
  row(['', '', `${l.vat} ${(invoice.taxRateBp / 100).toLocaleString(tag)} %`, money(invoice.tax)]);
  row(['', '', l.total, money(invoice.total)], true);
  doc.end();
  return { number: invoice.number, pdf: await done };
}
