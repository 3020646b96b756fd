import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, codeOf, START, type TestApp, type Client } from '../helpers/app.js';
import { buy, card, CARDS, gatewayMoves } from '../helpers/commerce.js';
import { runJobsOnce } from '../../src/services/jobs/run-jobs.js';
import { pdfText } from '../helpers/pdf.js';

const engines = process.env.DATABASE_URL ? (['postgres', 'pglite'] as const) : (['pglite'] as const);

describe.each(engines)('bills & payments on %s', (engine) => {
  let app: TestApp;
  let adele: Client, megan: Client, joni: Client;
  beforeAll(async () => {
    app = await startTestApp({ engine });
    [adele, megan, joni] = (await Promise.all(
      ['adele@contoso.example', 'megan@contoso.example', 'joni@fabrikam.example'].map((e) => app.signIn(e)),
    )) as [Client, Client, Client];
  });
  afterAll(() => app?.close());

  async function travel(to: string) {
    app.clock.set(to);
    adele = await app.signIn('adele@contoso.example');
  }

  describe('payment methods', () => {
    it('adds a card verified by the gateway, lists it masked, refuses bad cards with clear codes', async () => {
      const res = await adele.post('/api/payment-methods', { card: card(CARDS.ok) });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        type: 'card',
        brand: 'visa',
        last4: '4242',
        card: { expMonth: 12, expYear: 2030, nameOnCard: 'Adèle Vance', expiresSoon: false },
      });
      expect(res.body).not.toHaveProperty('gatewayToken');
      const mastercard = await adele.post('/api/payment-methods', { card: card('5555555555554444') });
      expect(mastercard.body.brand).toBe('mastercard');
      for (const [number, code] of [
        ['4242424242424241', 'invalid_card_number'],
        [CARDS.declined, 'card_declined'],
        [CARDS.expired, 'expired_card'],
        [CARDS.incorrectCvc, 'incorrect_cvc'],
      ]) {
        const bad = await adele.post('/api/payment-methods', { card: card(number) });
        expect([bad.status, codeOf(bad)], number).toEqual([402, code]);
      }
      const list = (await adele.get('/api/payment-methods')).body.items;
      expect(list.map((pm: { last4: string }) => pm.last4).sort()).toEqual(['4242', '4444']);
      expect((await megan.get('/api/payment-methods')).body.items).toEqual([]);
    });

    it('edits the security code, expiry, name and address ("Modifier"), checking them again with the gateway', async () => {
      const pm = (await adele.post('/api/payment-methods', { card: card() })).body;
      const edit = (body: object, by = adele) => by.patch(`/api/payment-methods/${pm.id}`, body);
      const res = await edit({
        card: { cvc: '321', expMonth: 3, expYear: 2031, nameOnCard: 'A. Vance' },
        address: { line1: '2 rue du Bac', city: 'Paris', postalCode: '75007', country: 'FR' },
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        card: { expMonth: 3, expYear: 2031, nameOnCard: 'A. Vance' },
        address: { line1: '2 rue du Bac' },
      });
      expect(codeOf(await edit({ card: { expMonth: 1, expYear: 2026 } }))).toBe('expired_card');
      expect(codeOf(await edit({ card: { cvc: '12' } }))).toBe('invalid_cvc');
      expect(codeOf(await edit({ card: { expMonth: 4 } }))).toBe('invalid_expiry_date');
      // a card's details go under `card`, as they are shown
      expect(codeOf(await edit({ nameOnCard: 'x' }))).toBe('validation_failed');
      expect(codeOf(await edit({ card: {} }))).toBe('validation_failed');
      expect(codeOf(await edit({ card: { nameOnCard: 'x' } }, megan))).toBe('not_found');
      expect(codeOf(await edit({ card: { nameOnCard: 'x' } }, joni))).toBe('not_found');
      // nothing refused was stored
      const saved = (await adele.get('/api/payment-methods')).body.items.find((p: { id: string }) => p.id === pm.id);
      expect(saved).toMatchObject({ card: { expMonth: 3, expYear: 2031, nameOnCard: 'A. Vance' } });
    });

    it('flags a card about to expire', async () => {
      const pm = (await adele.post('/api/payment-methods', { card: { ...card(), expMonth: 3, expYear: 2026 } })).body;
      expect(pm.card.expiresSoon).toBe(true);
    });

    it('refuses to remove a card that pays for a live subscription', async () => {
      const sub = (await buy(adele)).body;
      const res = await adele.delete(`/api/payment-methods/${sub.paymentMethod.id}`);
      expect([res.status, codeOf(res)]).toEqual([409, 'payment_method_in_use']);
      const spare = (await adele.post('/api/payment-methods', { card: card() })).body;
      expect((await adele.delete(`/api/payment-methods/${spare.id}`)).status).toBe(204);
      expect((await adele.get('/api/payment-methods')).body.items.map((p: { id: string }) => p.id)).not.toContain(
        spare.id,
      );
    });
  });

  describe('billing profiles', () => {
    it("shows a profile with its card and subscriptions, edits it, and replaces its card ('Remplacer') for the next charges", async () => {
      const sub = (await buy(adele, { quantity: 2, term: 'monthly' })).body;
      const profile = (await adele.get(`/api/billing-profiles/${sub.billingProfile.id}`)).body;
      expect(profile).toMatchObject({
        name: 'Adèle Vance',
        country: 'FR',
        currency: 'EUR',
        paymentMethod: { last4: '4242' },
      });
      expect(profile.subscriptions.map((s: { id: string }) => s.id)).toContain(sub.id);
      expect((await adele.get('/api/billing-profiles')).body.items.length).toBeGreaterThan(0);
      const edited = await adele.patch(`/api/billing-profiles/${profile.id}`, {
        name: 'Adèle Vance (Marketing)',
        invoiceEmail: 'finance@contoso.example',
      });
      expect(edited.body).toMatchObject({ name: 'Adèle Vance (Marketing)', invoiceEmail: 'finance@contoso.example' });
      const replaced = await adele.put(`/api/billing-profiles/${profile.id}/payment-method`, {
        card: card('5555555555554444'),
      });
      expect(replaced.body.paymentMethod).toMatchObject({ brand: 'mastercard', last4: '4444' });
      expect((await adele.get(`/api/subscriptions/${sub.id}`)).body.paymentMethod.last4).toBe('4444');
      // the next charge uses the new card
      await adele.put(`/api/subscriptions/${sub.id}/licenses`, { total: 3 });
      const invoices = (await adele.get('/api/invoices?limit=100')).body.items.filter(
        (i: { subscriptionId: string }) => i.subscriptionId === sub.id,
      );
      const payments = await Promise.all(
        invoices.map(async (i: { id: string }) => (await adele.get(`/api/invoices/${i.id}`)).body.payment),
      );
      expect(payments).toEqual(
        expect.arrayContaining([
          { brand: 'visa', last4: '4242' },
          { brand: 'mastercard', last4: '4444' },
        ]),
      );
      expect(codeOf(await megan.get(`/api/billing-profiles/${profile.id}`))).toBe('not_found');
      expect(
        codeOf(
          await adele.put(`/api/billing-profiles/${profile.id}/payment-method`, { paymentMethodId: randomUUID() }),
        ),
      ).toBe('not_found');
    });
  });

  describe('invoices', () => {
    it('lists the last 3 months by default, newest first, with a chosen range, refusing reversed or over-long ranges', async () => {
      const fresh = await app.signIn('megan@contoso.example');
      await buy(fresh, { quantity: 1 });
      const list = (await fresh.get('/api/invoices')).body;
      expect(list.items.length).toBe(1);
      expect([list.from, list.to]).toEqual(['2025-12-02T00:00:00.000Z', '2026-03-03T00:00:00.000Z']);
      const issued = list.items.map((i: { issuedAt: string }) => i.issuedAt);
      expect(issued).toEqual([...issued].sort().reverse());
      expect((await fresh.get('/api/invoices?from=2026-01-01&to=2026-02-28')).body.items).toEqual([]);
      expect((await fresh.get('/api/invoices?from=2026-03-02&to=2026-03-02')).body.items).toHaveLength(1);
      expect(codeOf(await fresh.get('/api/invoices?from=2026-03-10&to=2026-03-01'))).toBe('invalid_date_range');
      expect(codeOf(await fresh.get('/api/invoices?from=2023-01-01&to=2026-03-01'))).toBe('invalid_date_range');
      expect(codeOf(await fresh.get('/api/invoices?from=2026-02-30'))).toBe('invalid_date_range');
    });

    it('shows an invoice with its lines, VAT and the billing profile as it was, even after the profile changes and the subscription is deleted', async () => {
      const sub = (await buy(adele, { quantity: 3, term: 'annual' })).body;
      const summary = (await adele.get('/api/invoices?limit=100')).body.items.find(
        (i: { subscriptionId: string }) => i.subscriptionId === sub.id,
      );
      await adele.patch(`/api/billing-profiles/${sub.billingProfile.id}`, { name: 'Renamed later' });
      await adele.post(`/api/subscriptions/${sub.id}/cancel`, { reason: 'other' });
      const invoice = (await adele.get(`/api/invoices/${summary.id}`)).body;
      expect(invoice).toMatchObject({
        kind: 'invoice',
        status: 'paid',
        subtotal: { amount: 49320, currency: 'EUR' },
        tax: { amount: 9864 },
        total: { amount: 59184 },
        taxRateBp: 2000,
        billingSnapshot: { name: 'Adèle Vance', country: 'FR' },
        payment: { brand: 'visa', last4: '4242' },
      });
      expect(invoice.lines).toEqual([
        expect.objectContaining({
          description: 'Power BI Pro (annual)',
          quantity: 3,
          unitPrice: { amount: 16440, currency: 'EUR' },
          amount: { amount: 49320, currency: 'EUR' },
        }),
      ]);
      expect(codeOf(await megan.get(`/api/invoices/${summary.id}`))).toBe('not_found');
    });

    it('numbers invoices per organization and year without gaps', async () => {
      const rows = await app.deps.db.query<{ number: string }>(
        `SELECT number FROM invoices i JOIN organizations o ON o.id = i.org_id WHERE o.name = 'Contoso' ORDER BY number`,
      );
      expect(rows.map((r) => r.number)).toEqual(rows.map((_, i) => `CON-2026-${String(i + 1).padStart(6, '0')}`));
    });

    it('renders a real PDF in the reader language with the number and total, and a CSV', async () => {
      const summary = (await adele.get('/api/invoices?limit=100')).body.items.find(
        (i: { kind: string; total: { amount: number } }) => i.kind === 'invoice' && i.total.amount === 59184,
      );
      for (const [lang, total] of [
        ['fr', '591,84 €'],
        ['en', '€591.84'],
      ] as const) {
        const res = await fetch(`${app.url}/api/invoices/${summary.id}/pdf?lang=${lang}`, {
          headers: { cookie: adele.cookie },
        });
        expect(res.headers.get('content-type')).toBe('application/pdf');
        const text = await pdfText(await res.arrayBuffer());
        expect(text).toContain(summary.number);
        expect(text).toContain(total);
        expect(text).toContain(lang === 'fr' ? 'TVA 20 %' : 'VAT 20%');
        expect(text).toContain('Selfserve SAS');
      }
      const csv = (await adele.get('/api/invoices.csv')).text.split('\r\n');
      expect(csv[0]).toBe('Number,Type,Issued,Product,Period start,Period end,Currency,Subtotal,VAT,Total,Status');
      expect(csv.some((l: string) => l.startsWith(`${summary.number},Invoice,`))).toBe(true);
    });

    it('leaves a failed renewal due, and "Pay now" with another card renews the subscription', async () => {
      await travel(START);
      const sub = (await buy(adele, { quantity: 1, term: 'monthly' })).body;
      await app.deps.db.query(`UPDATE gateway.cards SET outcome = 'insufficient_funds' WHERE last4 = '4242'`);
      try {
        await travel('2026-04-02T09:00:00Z');
        await runJobsOnce(app.deps);
      } finally {
        await app.deps.db.query(`UPDATE gateway.cards SET outcome = 'ok' WHERE last4 = '4242'`);
      }
      expect((await adele.get(`/api/subscriptions/${sub.id}`)).body.status).toBe('expired');
      const due = (await adele.get('/api/invoices')).body.items.find(
        (i: { subscriptionId: string; status: string }) => i.subscriptionId === sub.id && i.status === 'due',
      );
      expect(due).toMatchObject({ total: { amount: 1973 } });
      const declined = await adele.post(
        `/api/invoices/${due.id}/pay`,
        { card: card(CARDS.insufficientFunds) },
        { 'idempotency-key': randomUUID() },
      );
      expect(codeOf(declined)).toBe('insufficient_funds');
      // the profile moves to Germany (19 % VAT) meanwhile: what is owed is still the invoice's total
      await adele.patch(`/api/billing-profiles/${sub.billingProfile.id}`, { country: 'DE' });
      const paid = await adele.post(
        `/api/invoices/${due.id}/pay`,
        { card: card('5555555555554444') },
        { 'idempotency-key': randomUUID() },
      );
      expect(paid.status).toBe(200);
      const charged = (await gatewayMoves(app))
        .filter((m) => m.kind === 'charge' && m.status === 'succeeded')
        .map((m) => m.amount);
      expect(charged).toContain(1973);
      expect(charged).not.toContain(1956); // 16.44 + 19 % German VAT
      expect(paid.body).toMatchObject({ status: 'paid', payment: { brand: 'mastercard', last4: '4444' } });
      expect((await adele.get(`/api/subscriptions/${sub.id}`)).body).toMatchObject({
        status: 'active',
        termStart: '2026-04-02T09:00:00.000Z',
        termEnd: '2026-05-02T09:00:00.000Z',
      });
      const again = await adele.post(
        `/api/invoices/${due.id}/pay`,
        { card: card() },
        { 'idempotency-key': randomUUID() },
      );
      expect(codeOf(again)).toBe('invoice_not_due');
    });
  });
});
