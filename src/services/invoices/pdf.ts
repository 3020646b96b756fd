import PDFDocument from 'pdfkit';
import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import type { Queryable } from '../../db/database.js';
import { findInvoice, type InvoiceDetail } from '../../db/invoices.js';
import { findOrganization } from '../../db/organizations.js';
import { formatDay, formatMoney, formatRate, type Locale } from '../../domain/locale.js';
import { getMyInvoice } from './get-my-invoice.js';
import { fontRuns, type Weight } from './pdf-fonts.js';
import { INVOICE_LABELS } from './pdf-labels.js';
import { wordingOf } from '../payments/methods/index.js';
import type { Seller } from './seller.js';

/** The invoice or credit note of the caller as a PDF in the reader's language. */
export async function invoicePdf(
  deps: Deps,
  actor: Actor,
  id: string,
  locale: Locale,
): Promise<{ number: string; pdf: Buffer }> {
  const invoice = await getMyInvoice(deps, actor, id);
  return { number: invoice.number, pdf: await renderInvoice(deps.db, deps.seller, actor.orgId, invoice, locale) };
}

/** What the invoice's PDF needs besides the invoice: its organization and, for a credit note, the invoice it corrects. */
export async function renderInvoice(
  db: Queryable,
  seller: Seller,
  orgId: string,
  invoice: InvoiceDetail,
  locale: Locale,
): Promise<Buffer> {
  const org = (await findOrganization(db, orgId))!;
  const credited = invoice.creditedInvoiceId ? await findInvoice(db, orgId, invoice.creditedInvoiceId) : undefined;
  return invoiceDocument({ invoice, credited, organizationName: org.name, seller, locale });
}

interface Buyer {
  name?: string;
  address?: { line1?: string; line2?: string; postalCode?: string; city?: string; region?: string };
  country?: string;
  vatNumber?: string;
}

/** The line's description as issued ends with its term in English: "Power BI Pro (annual)". */
const TERM_SUFFIX = / \((monthly|annual)\)$/;

/**
 * Lays the invoice out with fonts embedded and subset (DejaVu Sans, Noto Sans SC for Chinese),
 * so every name prints and copies back as typed; with the mentions French law asks of an
 * invoice when the seller is French.
 */
export function invoiceDocument(p: {
  invoice: InvoiceDetail;
  credited?: InvoiceDetail | undefined;
  organizationName: string;
  seller: Seller;
  locale: Locale;
}): Promise<Buffer> {
  const { invoice, seller, locale } = p;
  const l = INVOICE_LABELS[locale];
  const money = (minor: number) => formatMoney(minor, invoice.currency, locale);
  const day = (d: Date | string) => formatDay(d, locale);
  const colon = locale === 'fr' ? '\u00a0: ' : ': ';
  const country = (code: string) => new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  const buyer = invoice.billingSnapshot as Buyer;
  const title = `${l[invoice.kind]} ${invoice.number}`;

  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: title, Author: seller.name }, lang: locale });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const registered = new Set<string>();
  /** Writes lines of text at (x, y), or below the last text, each one font run after the other. */
  const put = (
    text: string,
    o: { x?: number; y?: number; width?: number; align?: 'left' | 'right'; weight?: Weight; size?: number } = {},
  ) => {
    doc.fontSize(o.size ?? 10);
    text.split('\n').forEach((line, n) => {
      const runs = fontRuns(line, o.weight ?? 'regular');
      runs.forEach((run, i) => {
        if (!registered.has(run.face.key)) doc.registerFont(run.face.key, run.face.bytes);
        registered.add(run.face.key);
        doc.font(run.face.key);
        const options = { width: o.width, align: o.align, continued: i < runs.length - 1 };
        if (i === 0 && o.x !== undefined) doc.text(run.text, o.x, n === 0 ? (o.y ?? doc.y) : doc.y, options);
        else doc.text(run.text, options);
      });
    });
  };

  put(title, { weight: 'bold', size: 18 });
  doc.moveDown(0.5);
  put(`${l.issued}${colon}${day(invoice.issuedAt)}`);
  if (invoice.periodStart && invoice.periodEnd)
    put(`${l.period}${colon}${day(invoice.periodStart)} – ${day(invoice.periodEnd)}`);
  if (p.credited) put(l.corrects(p.credited.number, day(p.credited.issuedAt)));
  doc.moveDown();

  const top = doc.y;
  put(l.seller, { x: 50, y: top, width: 250, weight: 'bold' });
  put(
    [
      seller.name,
      seller.legalForm && seller.capitalEuros !== undefined
        ? l.capital(seller.legalForm, formatMoney(seller.capitalEuros * 100, 'EUR', locale))
        : seller.legalForm,
      ...seller.address,
      country(seller.country),
      seller.siren && `${l.companyNumber} ${seller.siren}${seller.rcsCity ? ` – RCS ${seller.rcsCity}` : ''}`,
      seller.vatNumber && `${l.vatNumber}${colon}${seller.vatNumber}`,
    ]
      .filter(Boolean)
      .join('\n'),
    { x: 50, width: 250 },
  );
  const sellerBottom = doc.y;
  put(l.buyer, { x: 310, y: top, width: 235, weight: 'bold' });
  const a = buyer.address ?? {};
  put(
    [
      buyer.name,
      p.organizationName,
      a.line1,
      a.line2,
      [a.postalCode, a.city].filter(Boolean).join(' '),
      a.region,
      buyer.country && country(buyer.country),
      buyer.vatNumber && `${l.vatNumber}${colon}${buyer.vatNumber}`,
    ]
      .filter(Boolean)
      .join('\n'),
    { x: 310, width: 235 },
  );
  doc.y = Math.max(sellerBottom, doc.y) + 20;

  const cols = [
    { x: 50, width: 230 },
    { x: 280, width: 60 },
    { x: 340, width: 100 },
    { x: 440, width: 105 },
  ];
  const row = (cells: string[], weight: Weight = 'regular') => {
    const y = doc.y;
    let bottom = y;
    cells.forEach((text, i) => {
      put(text, { ...cols[i]!, y, align: i === 0 ? 'left' : 'right', weight });
      bottom = Math.max(bottom, doc.y);
    });
    doc.y = bottom + 6;
  };
  row([l.product, l.quantity, l.unitPrice, l.amount], 'bold');
  for (const line of invoice.lines) {
    const description = line.description.replace(TERM_SUFFIX, (_, term: 'monthly' | 'annual') => ` (${l.term[term]})`);
    row([
      `${description}\n${day(line.periodStart)} – ${day(line.periodEnd)}`,
      String(line.quantity),
      money(line.unitPrice),
      money(line.amount),
    ]);
  }
  doc.moveDown(0.5);
  const total = (label: string, value: string, weight: Weight = 'regular') => {
    const y = doc.y;
    put(label, { x: 200, y, width: 240, align: 'right', weight });
    put(value, { x: 440, y, width: 105, align: 'right', weight });
    doc.moveDown(0.3);
  };
  total(l.subtotal, money(invoice.subtotal));
  total(l.vat(formatRate(invoice.taxRateBp, locale), money(invoice.subtotal)), money(invoice.tax));
  total(l.total, money(invoice.total), 'bold');
  doc.moveDown();

  // what paid: its method's words ("par carte") before its name ("VISA •••• 4242")
  const paid = invoice.payment && {
    words: wordingOf(invoice.payment, locale),
    name: `${invoice.payment.brand.toUpperCase()} •••• ${invoice.payment.last4}`,
  };
  const settled =
    invoice.status === 'due'
      ? l.dueNow
      : paid && invoice.kind === 'credit_note'
        ? l.refundedTo(`${paid.words.refundedTo} ${paid.name}`)
        : paid && invoice.status === 'paid'
          ? l.paidBy(day(invoice.issuedAt), `${paid.words.paidBy} ${paid.name}`)
          : l.status[invoice.status];
  put(settled, { x: 50, width: 495 });
  if (seller.country === 'FR') {
    doc.moveDown(0.5);
    put(`${l.latePayment} ${l.noDiscount}`, { x: 50, width: 495, size: 8 });
  }
  doc.end();
  return done;
}
