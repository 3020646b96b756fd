import { describe, expect, it } from 'vitest';
import { useSignedInApp } from '../helpers/app.js';
import { buy, billingProfile } from '../helpers/commerce.js';
import { pdfMappedCharacters, pdfText } from '../helpers/pdf.js';

// An invoice is a legal document: what it says must read back exactly, in any script, with the
// mentions French law asks for (and their English equivalents).
const NAMES = ['Łukasz Nowak', 'Antonín Dvořák', '王芳', 'Γεώργιος Παπαδόπουλος', 'Пётр Ильич Чайковский'];

describe('invoice PDFs', () => {
  const t = useSignedInApp(['adele']);

  const pdfBytes = async (id: string, lang: 'fr' | 'en') => {
    const res = await fetch(`${t.app.url}/api/invoices/${id}/pdf?lang=${lang}`, {
      headers: { cookie: t.adele.cookie },
    });
    expect(res.headers.get('content-type')).toBe('application/pdf');
    return new Uint8Array(await res.arrayBuffer());
  };
  const pdf = async (id: string, lang: 'fr' | 'en') => pdfText(await pdfBytes(id, lang));
  const invoiceOf = async (subscriptionId: string, kind = 'invoice') =>
    (await t.adele.get('/api/invoices?limit=100')).body.items.find(
      (i: { subscriptionId: string; kind: string }) => i.subscriptionId === subscriptionId && i.kind === kind,
    );

  it('prints the buyer name in Latin, Czech, Polish, Chinese, Greek and Cyrillic script exactly, in French and English', async () => {
    for (const name of NAMES) {
      const sub = (await buy(t.adele, { quantity: 1, term: 'monthly', billingProfile: { ...billingProfile(), name } }))
        .body;
      const invoice = await invoiceOf(sub.id);
      for (const lang of ['fr', 'en'] as const) {
        const text = await pdf(invoice.id, lang);
        expect(text).toContain(name);
        expect(text).toContain(invoice.number);
      }
    }
  });

  it('says TVA, annuel, HT and TTC in French, with amounts that never break apart (narrow no-break spaces)', async () => {
    const sub = (await buy(t.adele, { quantity: 100, term: 'annual' })).body;
    const invoice = await invoiceOf(sub.id);
    const bytes = await pdfBytes(invoice.id, 'fr');
    // pdf.js reads every space as a plain one: the font's map says the narrow no-break space was set
    expect(pdfMappedCharacters(bytes)).toContain('\u202f');
    const text = await pdfText(bytes);
    expect(text).toContain(`Facture ${invoice.number}`);
    expect(text).toContain('Power BI Pro (annuel)');
    expect(text).toContain(`Total HT 16 440,00 €`);
    expect(text).toContain(`TVA 20 % sur 16 440,00 € 3 288,00 €`);
    expect(text).toContain(`Total TTC 19 728,00 €`);
    expect(text).toContain(`Prix unitaire HT`);
    expect(text).toContain(`164,40 €`);
    expect(text).not.toMatch(/VAT|annual|monthly/);
    expect(text).toMatch(/Date d’émission|Date d'émission/);
    expect(text).toMatch(/Période de service : 2 mars 2026 – 2 mars 2027/);
    expect(text).toContain('Payée le 2 mars 2026 par carte VISA •••• 4242.');
  });

  it("carries the seller's legal identity, the payment terms, late-payment penalties and the 40 € recovery fee", async () => {
    const sub = (await buy(t.adele, { quantity: 2, term: 'monthly' })).body;
    const text = (await pdf((await invoiceOf(sub.id)).id, 'fr')).replace(/\n/g, ' ');
    expect(text).toContain('Selfserve SAS');
    expect(text).toContain(`SAS au capital de 10 000,00 €`);
    expect(text).toContain('10 rue de la Paix');
    expect(text).toContain('SIREN 123 456 782 – RCS Paris');
    expect(text).toContain('N° TVA intracommunautaire : FR11123456782');
    expect(text).toContain('trois fois le taux d’intérêt légal');
    expect(text).toContain('indemnité forfaitaire pour frais de recouvrement de 40 €');
    expect(text).toContain('Pas d’escompte pour paiement anticipé.');
  });

  it("prints the buyer's VAT number as the profile had it when the invoice was issued", async () => {
    const first = (
      await buy(t.adele, {
        quantity: 1,
        term: 'monthly',
        billingProfile: { ...billingProfile(), name: 'Contoso France' },
      })
    ).body;
    const profile = first.billingProfile.id;
    expect(
      (await t.adele.patch(`/api/billing-profiles/${profile}`, { vatNumber: 'fr 40 303 265 045' })).body.vatNumber,
    ).toBe('FR40303265045');
    const second = (
      await buy(t.adele, {
        productId: 'CFQ7TTC0HD33',
        quantity: 1,
        term: 'monthly',
        card: undefined,
        billingProfile: undefined,
        billingProfileId: profile,
        paymentMethodId: first.paymentMethod.id,
      })
    ).body;
    const invoice = await invoiceOf(second.id);
    expect((await t.adele.get(`/api/invoices/${invoice.id}`)).body.billingSnapshot).toMatchObject({
      name: 'Contoso France',
      vatNumber: 'FR40303265045',
    });
    await t.adele.patch(`/api/billing-profiles/${profile}`, { vatNumber: null });
    expect(await pdf(invoice.id, 'fr')).toContain('N° TVA intracommunautaire : FR40303265045');
    expect(await pdf(invoice.id, 'en')).toContain('VAT number: FR40303265045');
    expect(await pdf((await invoiceOf(first.id)).id, 'fr')).not.toContain('FR40303265045');
  });

  it('a credit note (avoir) cites the invoice it corrects', async () => {
    const sub = (await buy(t.adele, { quantity: 3, term: 'monthly' })).body;
    const invoice = await invoiceOf(sub.id);
    expect((await t.adele.post(`/api/subscriptions/${sub.id}/cancel`, { reason: 'other' })).status).toBe(200);
    const note = await invoiceOf(sub.id, 'credit_note');
    const fr = await pdf(note.id, 'fr');
    expect(fr).toContain(`Avoir ${note.number}`);
    expect(fr).toContain(`Avoir sur la facture n° ${invoice.number} du 2 mars 2026`);
    expect(fr).toContain('Remboursé sur la carte VISA •••• 4242.');
    expect(await pdf(note.id, 'en')).toContain(`Credit note for invoice ${invoice.number} of March 2, 2026`);
  });

  it('says VAT, annual, excl. and incl. VAT in English, with English number formats', async () => {
    const sub = (await buy(t.adele, { quantity: 100, term: 'annual' })).body;
    const text = await pdf((await invoiceOf(sub.id)).id, 'en');
    expect(text).toContain('Power BI Pro (annual)');
    expect(text).toContain('Total excl. VAT €16,440.00');
    expect(text).toContain('VAT 20% on €16,440.00 €3,288.00');
    expect(text).toContain('Total incl. VAT €19,728.00');
    expect(text).toContain('French Commercial Code');
    expect(text).not.toMatch(/TVA|annuel/);
  });

  it("answers in the reader's language: lang first, else Accept-Language", async () => {
    const sub = (await buy(t.adele, { quantity: 1, term: 'monthly' })).body;
    const { id, number } = await invoiceOf(sub.id);
    const get = async (query: string, acceptLanguage: string) =>
      pdfText(
        await (
          await fetch(`${t.app.url}/api/invoices/${id}/pdf${query}`, {
            headers: { cookie: t.adele.cookie, 'accept-language': acceptLanguage },
          })
        ).arrayBuffer(),
      );
    expect(await get('', 'en-GB,en;q=0.9,fr;q=0.8')).toContain(`Invoice ${number}`);
    expect(await get('', 'de-DE,fr;q=0.7,en;q=0.5')).toContain(`Facture ${number}`);
    expect(await get('?lang=en', 'fr-FR')).toContain(`Invoice ${number}`);
  });
});
