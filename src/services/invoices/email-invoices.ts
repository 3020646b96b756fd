import type { Deps } from '../deps.js';
import { findInvoice, type InvoiceDetail } from '../../db/invoices.js';
import {
  lockNextInvoiceEmail,
  markInvoiceEmailFailed,
  markInvoiceEmailSent,
  skipPendingInvoiceEmails,
} from '../../db/invoice-emails.js';
import { defaultLocaleFor, formatDay, formatMoney, type Locale } from '../../domain/locale.js';
import type { Mail } from '../notifications/mailer.js';
import { renderInvoice } from './pdf.js';
import type { Seller } from './seller.js';

/** Tries over about two days (5 min, 10 min, 20 min, ...), then gives up. */
const MAX_ATTEMPTS = 10;
const retryDelayMs = (attempts: number) => 5 * 60_000 * 2 ** attempts;

/**
 * Sends the e-mails of issued invoices and credit notes, each with its PDF, in its recipient's
 * language. Each is locked while sent (another server skips it) and marked sent in the same
 * transaction; a failed send is retried later. Without a mail server they are skipped.
 */
export async function sendInvoiceEmails(deps: Deps, batch = 20): Promise<number> {
  const mailer = deps.mailer;
  if (!mailer) return (await skipPendingInvoiceEmails(deps.db, deps.clock.now()), 0);
  let sent = 0;
  for (let i = 0; i < batch; i++) {
    const outcome = await deps.db.transaction(async (tx) => {
      const now = deps.clock.now();
      const next = await lockNextInvoiceEmail(tx, now);
      if (!next) return 'none';
      const language = next.language ?? defaultLocaleFor(next.orgCountry);
      const invoice = (await findInvoice(tx, next.orgId, next.invoiceId))!;
      try {
        const pdf = await renderInvoice(tx, deps.seller, next.orgId, invoice, language);
        await mailer.send({
          to: next.to,
          language,
          ...invoiceMail(invoice, language, deps.seller),
          attachments: [{ filename: `${invoice.number}.pdf`, content: pdf, contentType: 'application/pdf' }],
        });
      } catch (err) {
        const attempts = next.attempts + 1;
        await markInvoiceEmailFailed(
          tx,
          next.orgId,
          next.invoiceId,
          String(err),
          attempts < MAX_ATTEMPTS ? new Date(now.getTime() + retryDelayMs(next.attempts)) : null,
        );
        return 'failed';
      }
      await markInvoiceEmailSent(tx, next.orgId, next.invoiceId, { at: now, to: next.to, language });
      return 'sent';
    });
    if (outcome === 'none') break;
    if (outcome === 'sent') sent++;
  }
  return sent;
}

/** The e-mail's words: which document, for what, how much. */
export function invoiceMail(invoice: InvoiceDetail, locale: Locale, seller: Seller): Pick<Mail, 'subject' | 'text'> {
  const total = formatMoney(invoice.total, invoice.currency, locale);
  const day = formatDay(invoice.issuedAt, locale);
  const product = invoice.productName ?? '';
  if (locale === 'fr') {
    const [what, document, it] =
      invoice.kind === 'credit_note' ? ['Votre avoir', 'votre avoir', 'le'] : ['Votre facture', 'votre facture', 'la'];
    return {
      subject: `${what} ${invoice.number} – ${product}`,
      text:
        `Bonjour,\n\nVous trouverez ci-joint ${document} n° ${invoice.number} du ${day} pour ${product}, d’un montant de ${total} TTC.\n\n` +
        `Vous ${it} retrouvez aussi dans Factures et paiements > Factures.\n\n${seller.name}\n`,
    };
  }
  const what = invoice.kind === 'credit_note' ? 'credit note' : 'invoice';
  return {
    subject: `Your ${what} ${invoice.number} – ${product}`,
    text:
      `Hello,\n\nPlease find attached your ${what} ${invoice.number} of ${day} for ${product}, for ${total} including VAT.\n\n` +
      `You also find it in Bills & payments > Invoices.\n\n${seller.name}\n`,
  };
}
