import { describe, expect, it } from 'vitest';
import { useSignedInApp, type Client } from '../helpers/app.js';
import { buy, billingProfile } from '../helpers/commerce.js';
import { useMailSink, type ReceivedMail } from '../helpers/mail-sink.js';
import { pdfText } from '../helpers/pdf.js';
import { runJobsOnce } from '../../src/services/jobs/run-jobs.js';
import { smtpMailer } from '../../src/services/notifications/mailer.js';

// Each invoice and credit note goes to the billing profile's invoice e-mail with its PDF, in
// the recipient's language, once; a local SMTP server stands for the mail server.
describe('invoices by e-mail', () => {
  const t = useSignedInApp(['adele', 'megan', 'joni']);
  const sink = useMailSink(t);

  const invoicesOf = async (client: Client, subscriptionId: string) =>
    (await client.get('/api/invoices?limit=100')).body.items.filter(
      (i: { subscriptionId: string }) => i.subscriptionId === subscriptionId,
    ) as { id: string; number: string; kind: string }[];
  const mailsFor = (number: string) => sink.received.filter((m) => m.subject.includes(number));
  /** A monthly purchase of `quantity` licenses; `profile` changes the buyer's billing profile (`invoiceEmail`). */
  const bought = async (buyer: Client, quantity: number, profile: Record<string, unknown> = {}, country = 'FR') =>
    (await buy(buyer, { quantity, term: 'monthly', billingProfile: { ...billingProfile(country), ...profile } })).body;
  const pdfOf = (mail: ReceivedMail) => {
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]).toMatchObject({ contentType: 'application/pdf' });
    return pdfText(mail.attachments[0]!.content);
  };

  it('sends a French invoice with its PDF to the invoice e-mail, and its credit note, each once', async () => {
    const sub = await bought(t.adele, 2, { invoiceEmail: 'compta@contoso.example' });
    const [invoice] = await invoicesOf(t.adele, sub.id);
    expect((await runJobsOnce(t.app.deps)).invoicesEmailed).toBeGreaterThanOrEqual(1);
    const [mail, ...more] = mailsFor(invoice!.number);
    expect(more).toHaveLength(0);
    expect(mail).toMatchObject({
      to: 'compta@contoso.example',
      subject: `Votre facture ${invoice!.number} – Power BI Pro`,
      language: 'fr',
    });
    expect(mail!.text).toContain(
      `Vous trouverez ci-joint votre facture n° ${invoice!.number} du 2 mars 2026 pour Power BI Pro`,
    );
    expect(mail!.attachments[0]!.filename).toBe(`${invoice!.number}.pdf`);
    const text = await pdfOf(mail!);
    expect(text).toContain(`Facture ${invoice!.number}`);
    expect(text).toContain('Total TTC');
    expect(text).toContain('Power BI Pro (mensuel)');

    await t.adele.post(`/api/subscriptions/${sub.id}/cancel`, { reason: 'other' });
    await runJobsOnce(t.app.deps);
    await runJobsOnce(t.app.deps);
    const note = (await invoicesOf(t.adele, sub.id)).find((i) => i.kind === 'credit_note')!;
    const notes = mailsFor(note.number);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({
      to: 'compta@contoso.example',
      subject: `Votre avoir ${note.number} – Power BI Pro`,
    });
    expect(await pdfOf(notes[0]!)).toContain(`Avoir sur la facture n° ${invoice!.number}`);
    expect(mailsFor(invoice!.number).filter((m) => m.subject.includes('facture'))).toHaveLength(1);
  });

  it('writes to the person at the invoice address in their language, and to the buyer when the profile has none', async () => {
    expect((await t.megan.put('/api/notifications/language', { language: 'en' })).body).toEqual({
      language: 'en',
      chosen: true,
    });
    const toMegan = await bought(t.adele, 1, { invoiceEmail: 'megan@contoso.example' });
    const fromJoni = await bought(t.joni, 1, { name: 'Joni Sherman', currency: 'USD' }, 'US');
    await runJobsOnce(t.app.deps);
    const [english] = mailsFor((await invoicesOf(t.adele, toMegan.id))[0]!.number);
    expect(english).toMatchObject({
      to: 'megan@contoso.example',
      subject: expect.stringMatching(/^Your invoice CON-/),
      language: 'en',
    });
    expect(await pdfOf(english!)).toContain('Total incl. VAT');
    const [american] = mailsFor((await invoicesOf(t.joni, fromJoni.id))[0]!.number);
    expect(american).toMatchObject({ to: 'joni@fabrikam.example', language: 'en' });
    expect(american!.text).toContain('Please find attached your invoice');
    expect((await t.megan.put('/api/notifications/language', { language: null })).body).toEqual({
      language: 'fr',
      chosen: false,
    });
  });

  it('keeps an invoice e-mail while the mail server is down and sends it later, once', async () => {
    const mailer = t.app.deps.mailer;
    t.app.deps.mailer = smtpMailer('smtp://127.0.0.1:1');
    let sub;
    try {
      sub = await bought(t.adele, 1);
      expect((await runJobsOnce(t.app.deps)).invoicesEmailed).toBe(0);
    } finally {
      t.app.deps.mailer = mailer;
    }
    const [invoice] = await invoicesOf(t.adele, sub.id);
    expect((await runJobsOnce(t.app.deps)).invoicesEmailed).toBe(0); // retried after a delay, not at once
    t.app.clock.set('2026-03-02T09:30:00Z');
    expect((await runJobsOnce(t.app.deps)).invoicesEmailed).toBe(1);
    await runJobsOnce(t.app.deps);
    expect(mailsFor(invoice!.number)).toEqual([
      expect.objectContaining({ to: 'adele@contoso.example', language: 'fr' }),
    ]);
  });
});
