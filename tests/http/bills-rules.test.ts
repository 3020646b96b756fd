import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useSignedInApp, codeOf } from '../helpers/app.js';
import { buy, card } from '../helpers/commerce.js';
import { pdfText } from '../helpers/pdf.js';

// The rules around bills and payments a user runs into: who may change what, bad input
// answered 400 with a stable code, paging, ranges, removed cards and credit notes.
const engines = process.env.DATABASE_URL ? (['postgres', 'pglite'] as const) : (['pglite'] as const);

describe.each(engines)('bills & payments rules on %s', (engine) => {
  const t = useSignedInApp(['adele', 'reader', 'joni', 'billing'], { engine });

  /** How many times the gateway is asked to check a card while fn runs. */
  async function verificationsDuring(fn: () => Promise<unknown>): Promise<number> {
    const gateway = t.app.deps.gateway;
    const verify = gateway.verify.bind(gateway);
    let n = 0;
    gateway.verify = (...args) => {
      n++;
      return verify(...args);
    };
    try {
      await fn();
    } finally {
      gateway.verify = verify;
    }
    return n;
  }

  it('tells the brand from the number: Visa, Mastercard, American Express, Discover', async () => {
    const brands = [];
    for (const [number, cvc] of [
      ['4242 4242 4242 4242', '123'],
      ['2223003122003222', '123'],
      ['3782 822463 10005', '1234'],
      ['6011111111111117', '123'],
    ]) {
      const res = await t.billing.post('/api/payment-methods', { card: { ...card(number), cvc } });
      expect(res.status, number).toBe(201);
      brands.push([res.body.brand, res.body.last4]);
    }
    expect(brands).toEqual([
      ['visa', '4242'],
      ['mastercard', '3222'],
      ['amex', '0005'],
      ['discover', '1117'],
    ]);
  });

  it('a global reader reads but changes nothing; another organization sees nothing', async () => {
    const pm = (await t.adele.post('/api/payment-methods', { card: card() })).body;
    expect((await t.reader.get('/api/payment-methods')).status).toBe(200);
    for (const res of [
      await t.reader.post('/api/payment-methods', { card: card() }),
      await t.reader.patch(`/api/payment-methods/${pm.id}`, { card: { nameOnCard: 'x' } }),
      await t.reader.delete(`/api/payment-methods/${pm.id}`),
    ])
      expect([res.status, codeOf(res)]).toEqual([403, 'read_only']);
    expect(codeOf(await t.joni.delete(`/api/payment-methods/${pm.id}`))).toBe('not_found');
    expect((await t.adele.get('/api/payment-methods')).body.items.map((p: { id: string }) => p.id)).toContain(pm.id);
  });

  it('answers bad input with 400 and a stable code', async () => {
    const sub = (await buy(t.adele, { quantity: 1 })).body;
    const pm = sub.paymentMethod.id;
    const bp = sub.billingProfile.id;
    const cases: [Promise<{ status: number; body: unknown }>, string][] = [
      [t.adele.post('/api/payment-methods', { card: { number: '4242424242424242' } }), 'validation_failed'],
      [t.adele.patch(`/api/payment-methods/${pm}`, {}), 'validation_failed'],
      [t.adele.patch(`/api/payment-methods/${pm}`, { number: '5555555555554444' }), 'validation_failed'],
      [t.adele.patch(`/api/payment-methods/${pm}`, { card: { expMonth: 13, expYear: 2030 } }), 'validation_failed'],
      [t.adele.patch('/api/payment-methods/not-a-uuid', { card: { nameOnCard: 'x' } }), 'validation_failed'],
      [t.adele.patch(`/api/billing-profiles/${bp}`, { invoiceEmail: 'not an email' }), 'validation_failed'],
      [t.adele.patch(`/api/billing-profiles/${bp}`, { name: '' }), 'validation_failed'],
      [t.adele.patch(`/api/billing-profiles/${bp}`, { country: 'ZZ' }), 'unsupported_country'],
      [t.adele.put(`/api/billing-profiles/${bp}/payment-method`, {}), 'validation_failed'],
      [t.adele.get('/api/invoices/not-a-uuid'), 'validation_failed'],
      [t.adele.get('/api/invoices?cursor=garbage'), 'invalid_cursor'],
      [t.adele.get('/api/invoices?months=25'), 'validation_failed'],
      [t.adele.get('/api/invoices?from=2026-03-02&to=2026-03-01'), 'invalid_date_range'],
      [t.adele.get('/api/invoices.csv?from=2020-01-01'), 'invalid_date_range'],
      [t.adele.get(`/api/invoices/${randomUUID()}/pdf?lang=de`), 'validation_failed'],
    ];
    for (const [request, code] of cases) {
      const res = await request;
      expect([res.status, codeOf(res as never)]).toEqual([400, code]);
    }
    // and nothing changed
    expect((await t.adele.get(`/api/billing-profiles/${bp}`)).body).toMatchObject({
      country: 'FR',
      name: 'Adèle Vance',
      invoiceEmail: null,
    });
  });

  it('checks a new security code or expiry with the gateway, not a new name or address', async () => {
    const pm = (await t.adele.post('/api/payment-methods', { card: card() })).body;
    const address = { line1: '3 quai Voltaire', city: 'Paris', postalCode: '75007', country: 'FR' };
    expect(
      await verificationsDuring(() =>
        t.adele.patch(`/api/payment-methods/${pm.id}`, { card: { nameOnCard: 'Adèle V.' }, address }),
      ),
    ).toBe(0);
    expect(
      await verificationsDuring(() => t.adele.patch(`/api/payment-methods/${pm.id}`, { card: { cvc: '987' } })),
    ).toBe(1);
    expect(
      await verificationsDuring(() =>
        t.adele.patch(`/api/payment-methods/${pm.id}`, { card: { expMonth: 6, expYear: 2032 } }),
      ),
    ).toBe(1);
    expect(
      (await t.adele.get('/api/payment-methods')).body.items.find((p: { id: string }) => p.id === pm.id),
    ).toMatchObject({
      card: { nameOnCard: 'Adèle V.', expMonth: 6, expYear: 2032 },
      address: { line1: '3 quai Voltaire' },
    });
  });

  it('moves a profile to another known country; clears its invoice email', async () => {
    const { billingProfile } = (await buy(t.adele, { quantity: 1 })).body;
    await t.adele.patch(`/api/billing-profiles/${billingProfile.id}`, { invoiceEmail: 'ap@contoso.example' });
    const moved = await t.adele.patch(`/api/billing-profiles/${billingProfile.id}`, {
      country: 'BE',
      invoiceEmail: null,
    });
    expect(moved.body).toMatchObject({ country: 'BE', currency: 'EUR', invoiceEmail: null });
  });

  it('removes a card once its subscriptions are cancelled: the profile has none, the invoices still name it', async () => {
    const sub = (await buy(t.adele, { quantity: 2, card: card('5105105105105100') })).body;
    expect(codeOf(await t.adele.delete(`/api/payment-methods/${sub.paymentMethod.id}`))).toBe('payment_method_in_use');
    await t.adele.post(`/api/subscriptions/${sub.id}/cancel`, { reason: 'other' });
    expect((await t.adele.delete(`/api/payment-methods/${sub.paymentMethod.id}`)).status).toBe(204);
    expect((await t.adele.get(`/api/billing-profiles/${sub.billingProfile.id}`)).body.paymentMethod).toBeNull();
    for (const res of [
      await t.adele.delete(`/api/payment-methods/${sub.paymentMethod.id}`),
      await t.adele.patch(`/api/payment-methods/${sub.paymentMethod.id}`, { card: { nameOnCard: 'x' } }),
      await t.adele.put(`/api/billing-profiles/${sub.billingProfile.id}/payment-method`, {
        paymentMethodId: sub.paymentMethod.id,
      }),
    ])
      expect(codeOf(res)).toBe('not_found');
    const mine = (await t.adele.get('/api/invoices?limit=100')).body.items.filter(
      (i: { subscriptionId: string }) => i.subscriptionId === sub.id,
    );
    expect(mine.map((i: { kind: string; status: string }) => `${i.kind} ${i.status}`).sort()).toEqual([
      'credit_note refunded',
      'invoice paid',
    ]);
    for (const i of mine)
      expect((await t.adele.get(`/api/invoices/${i.id}`)).body.payment).toEqual({ brand: 'mastercard', last4: '5100' });
  });

  it('a credit note is a PDF too, named so in French and English', async () => {
    const note = (await t.adele.get('/api/invoices?limit=100')).body.items.find(
      (i: { kind: string }) => i.kind === 'credit_note',
    );
    for (const [lang, title] of [
      ['fr', 'Avoir'],
      ['en', 'Credit note'],
    ]) {
      const res = await fetch(`${t.app.url}/api/invoices/${note.id}/pdf`, {
        headers: { cookie: t.adele.cookie, 'accept-language': `${lang};q=0.9` },
      });
      expect(res.headers.get('content-disposition')).toContain(`${note.number}.pdf`);
      expect(await pdfText(await res.arrayBuffer())).toContain(`${title} ${note.number}`);
    }
    expect((await t.joni.get(`/api/invoices/${note.id}/pdf`)).status).toBe(404);
  });

  it('pages the invoices newest first, each once, and exports the chosen range as CSV', async () => {
    const all: { id: string; issuedAt: string; number: string }[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: typeof all; nextCursor: string | null } = (
        await t.adele.get(`/api/invoices?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
      ).body;
      expect(page.items.length).toBeLessThanOrEqual(2);
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    const whole = (await t.adele.get('/api/invoices?limit=100')).body.items;
    expect(all.map((i) => i.id)).toEqual(whole.map((i: { id: string }) => i.id));
    expect(new Set(all.map((i) => i.id)).size).toBe(all.length);
    expect(all.length).toBeGreaterThan(3);
    const csv = (await t.adele.get('/api/invoices.csv?from=2026-03-02&to=2026-03-02')).text.trim().split('\r\n');
    expect(
      csv
        .slice(1)
        .map((l: string) => l.split(',')[0])
        .sort(),
    ).toEqual(all.map((i) => i.number).sort());
    expect(
      (await t.adele.get('/api/invoices.csv?from=2026-03-03&to=2026-04-30')).text.trim().split('\r\n'),
    ).toHaveLength(1);
  });

  it('"Pay now" only for your own invoice that is due', async () => {
    const paid = (await t.adele.get('/api/invoices')).body.items.find((i: { status: string }) => i.status === 'paid');
    const key = { 'idempotency-key': randomUUID() };
    expect(codeOf(await t.adele.post(`/api/invoices/${paid.id}/pay`, { card: card() }, key))).toBe('invoice_not_due');
    expect(
      codeOf(await t.joni.post(`/api/invoices/${paid.id}/pay`, { card: card() }, { 'idempotency-key': randomUUID() })),
    ).toBe('not_found');
    expect(
      codeOf(
        await t.reader.post(`/api/invoices/${paid.id}/pay`, { card: card() }, { 'idempotency-key': randomUUID() }),
      ),
    ).toBe('read_only');
    expect((await t.adele.post(`/api/invoices/${paid.id}/pay`, { card: card() })).status).toBe(400);
  });

  it("a card removed while it becomes a profile's card: either it is gone and the profile keeps its own, or the profile takes it and it stays", async () => {
    const { billingProfile } = (await buy(t.adele, { quantity: 1 })).body;
    for (let i = 0; i < 15; i++) {
      const spare = (await t.adele.post('/api/payment-methods', { card: card() })).body;
      const [removed, replaced] = await Promise.all([
        t.adele.delete(`/api/payment-methods/${spare.id}`),
        t.adele.put(`/api/billing-profiles/${billingProfile.id}/payment-method`, { paymentMethodId: spare.id }),
      ]);
      expect([
        [204, 404],
        [409, 200],
      ]).toContainEqual([removed.status, replaced.status]);
      expect((await t.adele.get(`/api/billing-profiles/${billingProfile.id}`)).body.paymentMethod).not.toBeNull();
    }
  });
});
