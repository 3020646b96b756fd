import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useSignedInApp, codeOf, type Client } from '../helpers/app.js';
import {
  buy,
  card,
  CARDS,
  gatewayMoves,
  invoicesOf,
  purchase,
  M365_E3,
  POWER_APPS,
  POWER_BI_PRO,
  VISIO_PLAN_1,
} from '../helpers/commerce.js';

const t = useSignedInApp(['adele', 'megan', 'joni', 'admin', 'reader']);

const count = async (sql: string, params: unknown[] = []) =>
  (await t.app.deps.db.query<{ n: number }>(sql, params))[0]!.n;

describe('buying a subscription', () => {
  it('charges the card once and creates the subscription, its invoice with VAT and an audit event', async () => {
    const before = (await gatewayMoves(t.app)).length;
    const res = await buy(t.adele, { quantity: 3, term: 'annual' });
    expect(res.status).toBe(201);
    const sub = res.body;
    expect(sub).toMatchObject({
      product: { id: POWER_BI_PRO, name: 'Power BI Pro' },
      status: 'active',
      term: 'annual',
      total: 3,
      assigned: 0,
      available: 3,
      pendingTotal: null,
      autoRenew: true,
      selfService: true,
      price: { amount: 1370, currency: 'EUR' },
      termStart: '2026-03-02T09:00:00.000Z',
      termEnd: '2027-03-02T09:00:00.000Z',
      billingProfile: { name: 'Adèle Vance', country: 'FR' },
      paymentMethod: { type: 'card', brand: 'visa', last4: '4242', card: { expMonth: 12, expYear: 2030 } },
      buyer: { email: 'adele@contoso.example' },
    });
    // 13.70 x 12 months x 3 licenses = 493.20, VAT 20 % = 98.64
    expect(sub.nextCharge).toEqual({ date: '2027-03-02T09:00:00.000Z', amount: { amount: 59184, currency: 'EUR' } });
    const moves = (await gatewayMoves(t.app)).slice(before);
    expect(moves).toEqual([{ kind: 'charge', amount: 59184, status: 'succeeded' }]);
    const [invoice] = await invoicesOf(t.app, sub.id);
    expect(invoice).toMatchObject({ kind: 'invoice', subtotal: 49320, tax: 9864, total: 59184, status: 'paid' });
    expect(invoice!.number).toMatch(/^CON-2026-\d{6}$/);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM audit_events WHERE object_id = $1 AND action = 'subscription.purchased'`,
        [sub.id],
      ),
    ).toBe(1);
    expect((await t.adele.get(`/api/subscriptions/${sub.id}`)).body).toEqual(sub);
  });

  it('keeps no card number nor security code in any table of ours', async () => {
    await buy(t.adele);
    const tables = await t.app.deps.db.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'`,
    );
    for (const { name } of tables) {
      const [row] = await t.app.deps.db.query<{ t: string | null }>(
        `SELECT string_agg(row_to_json(x)::text, ' ') AS t FROM ${name} x`,
      );
      expect(row!.t ?? '', name).not.toContain('4242424242424242');
      expect(row!.t ?? '', name).not.toMatch(/"(cvc|security_?code|card_?number)"/i);
    }
  });

  it('replays the first answer for the same key and body, without charging again', async () => {
    const key = randomUUID();
    const before = (await gatewayMoves(t.app)).length;
    const first = await buy(t.adele, {}, key);
    const again = await buy(t.adele, {}, key);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await gatewayMoves(t.app)).length - before).toBe(1);
  });

  it('refuses the same key with another body, and a request without a key', async () => {
    const key = randomUUID();
    expect((await buy(t.adele, { quantity: 2 }, key)).status).toBe(201);
    const other = await buy(t.adele, { quantity: 3 }, key);
    expect(other.status).toBe(422);
    expect(codeOf(other)).toBe('idempotency_key_reused');
    const none = await t.adele.post('/api/subscriptions', purchase());
    expect(none.status).toBe(400);
    expect(codeOf(none)).toBe('idempotency_key_required');
  });

  it('keys belong to a person: another person may use the same key', async () => {
    const key = randomUUID();
    expect((await buy(t.adele, { quantity: 1 }, key)).status).toBe(201);
    expect((await buy(t.megan, { quantity: 1 }, key)).status).toBe(201);
  });

  it('charges once when two requests with one key arrive together', async () => {
    const key = randomUUID();
    const before = (await gatewayMoves(t.app)).length;
    const subsBefore = await count('SELECT count(*)::int AS n FROM subscriptions');
    const answers = await Promise.all([buy(t.megan, {}, key), buy(t.megan, {}, key), buy(t.megan, {}, key)]);
    expect(answers.map((a) => a.status).filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
    for (const a of answers) expect([201, 409]).toContain(a.status);
    expect((await gatewayMoves(t.app)).length - before).toBe(1);
    expect((await count('SELECT count(*)::int AS n FROM subscriptions')) - subsBefore).toBe(1);
  });

  it('a declined card leaves no subscription, no invoice and no saved card', async () => {
    const subs = await count('SELECT count(*)::int AS n FROM subscriptions');
    const invoices = await count('SELECT count(*)::int AS n FROM invoices');
    const cards = await count('SELECT count(*)::int AS n FROM payment_methods');
    for (const [number, code] of [
      [CARDS.declined, 'card_declined'],
      [CARDS.insufficientFunds, 'insufficient_funds'],
      [CARDS.expired, 'expired_card'],
      [CARDS.incorrectCvc, 'incorrect_cvc'],
      ['4242424242424241', 'invalid_card_number'],
    ] as const) {
      const res = await buy(t.adele, { card: card(number) });
      expect(res.status, number).toBe(402);
      expect(codeOf(res), number).toBe(code);
    }
    const pastExpiry = await buy(t.adele, { card: { ...card(), expYear: 2025 } });
    expect(codeOf(pastExpiry)).toBe('expired_card');
    const badCvc = await buy(t.adele, { card: { ...card(), cvc: '12' } });
    expect(codeOf(badCvc)).toBe('invalid_cvc');
    expect(await count('SELECT count(*)::int AS n FROM subscriptions')).toBe(subs);
    expect(await count('SELECT count(*)::int AS n FROM invoices')).toBe(invoices);
    expect(await count('SELECT count(*)::int AS n FROM payment_methods')).toBe(cards);
  });

  it('replays a decline for the same key instead of trying the card again', async () => {
    const key = randomUUID();
    const failedBefore = (await gatewayMoves(t.app)).filter((m) => m.status === 'failed').length;
    const first = await buy(t.adele, { card: card(CARDS.insufficientFunds) }, key);
    const again = await buy(t.adele, { card: card(CARDS.insufficientFunds) }, key);
    expect([first.status, codeOf(first)]).toEqual([402, 'insufficient_funds']);
    expect([again.status, codeOf(again)]).toEqual([402, 'insufficient_funds']);
    expect((await gatewayMoves(t.app)).filter((m) => m.status === 'failed').length - failedBefore).toBe(1);
  });

  it('refuses products that are not self-service eligible, and quantities out of range', async () => {
    const res = await buy(t.adele, { productId: M365_E3 });
    expect([res.status, codeOf(res)]).toEqual([403, 'not_self_service_eligible']);
    expect((await buy(t.adele, { quantity: 0 })).status).toBe(400);
    expect((await buy(t.adele, { quantity: 10_001 })).status).toBe(400);
    expect(codeOf(await buy(t.adele, { productId: 'NOPE' }))).toBe('not_found');
  });

  it('follows the organization policy per product', async () => {
    await t.app.deps.db.query(
      `INSERT INTO self_service_policies (org_id, product_id, value, updated_at) VALUES ($1, $2, 'Disabled', now()), ($1, $3, 'OnlyTrialsWithoutPaymentMethod', now())`,
      [t.adele.orgId, VISIO_PLAN_1, POWER_BI_PRO],
    );
    try {
      const disabled = await buy(t.adele, { productId: VISIO_PLAN_1 });
      expect([disabled.status, codeOf(disabled)]).toEqual([403, 'self_service_disabled']);
      const paid = await buy(t.megan, { productId: POWER_BI_PRO });
      expect([paid.status, codeOf(paid)]).toEqual([403, 'only_trials_allowed']);
      // Power BI Pro's trial needs no card: allowed
      const trial = await t.megan.post(
        '/api/subscriptions',
        { productId: POWER_BI_PRO, quantity: 5, term: 'monthly', trial: true },
        { 'idempotency-key': randomUUID() },
      );
      expect(trial.status).toBe(201);
      expect(trial.body).toMatchObject({
        status: 'trial',
        trial: true,
        termEnd: '2026-04-01T09:00:00.000Z',
        paymentMethod: null,
        nextCharge: null,
      });
    } finally {
      await t.app.deps.db.query('DELETE FROM self_service_policies WHERE org_id = $1', [t.adele.orgId]);
    }
  });

  it('gives one trial per person and product; a trial that needs a card asks for one', async () => {
    const trial = (who: Client, extra: Record<string, unknown> = {}) =>
      who.post(
        '/api/subscriptions',
        { productId: POWER_APPS, quantity: 2, term: 'monthly', trial: true, ...extra },
        { 'idempotency-key': randomUUID() },
      );
    expect(codeOf(await trial(t.adele))).toBe('payment_method_required');
    const first = await trial(t.adele, { card: card(), billingProfile: purchase().billingProfile });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: 'trial', autoRenew: true, paymentMethod: { last4: '4242' } });
    expect(first.body.nextCharge.date).toBe('2026-04-01T09:00:00.000Z');
    expect(await invoicesOf(t.app, first.body.id)).toEqual([]);
    const second = await trial(t.adele, { card: card(), billingProfile: purchase().billingProfile });
    expect([second.status, codeOf(second)]).toEqual([409, 'trial_already_used']);
  });

  it('uses an existing billing profile and card of the buyer, never those of someone else', async () => {
    const first = (await buy(t.adele)).body;
    const again = await buy(t.adele, {
      card: undefined,
      billingProfile: undefined,
      billingProfileId: first.billingProfile.id,
      paymentMethodId: first.paymentMethod.id,
    });
    expect(again.status).toBe(201);
    expect(again.body.paymentMethod.id).toBe(first.paymentMethod.id);
    const stolen = await buy(t.megan, {
      card: undefined,
      billingProfile: undefined,
      billingProfileId: first.billingProfile.id,
      paymentMethodId: first.paymentMethod.id,
    });
    expect([stolen.status, codeOf(stolen)]).toEqual([404, 'not_found']);
  });

  it('prices in the billing profile currency and taxes by its country', async () => {
    const res = await buy(t.joni, {
      quantity: 2,
      term: 'monthly',
      billingProfile: { ...purchase().billingProfile, country: 'US' },
    });
    expect(res.status).toBe(201);
    expect(res.body.price).toEqual({ amount: 1680, currency: 'USD' });
    expect((await invoicesOf(t.app, res.body.id))[0]).toMatchObject({ subtotal: 3360, tax: 0, total: 3360 });
    const de = await buy(t.adele, {
      quantity: 1,
      term: 'annual',
      billingProfile: { ...purchase().billingProfile, country: 'DE' },
    });
    expect((await invoicesOf(t.app, de.body.id))[0]).toMatchObject({ subtotal: 16440, tax: 3124, total: 19564 });
  });

  it('quotes price, tax and total before buying', async () => {
    const q = await t.adele.get(`/api/subscriptions/quote?productId=${POWER_BI_PRO}&quantity=3&term=annual`);
    expect(q.status).toBe(200);
    expect(q.body).toMatchObject({
      subtotal: { amount: 49320, currency: 'EUR' },
      tax: { amount: 9864 },
      total: { amount: 59184 },
      taxRateBp: 2000,
    });
  });
});

describe('viewing subscriptions', () => {
  it('lists the subscriptions a person bought, filtered to self-service', async () => {
    const mine = await t.adele.get('/api/subscriptions?selfService=true');
    expect(mine.status).toBe(200);
    expect(mine.body.items.length).toBeGreaterThan(0);
    expect(
      mine.body.items.every(
        (s: { buyer: { email: string }; selfService: boolean }) =>
          s.buyer.email === 'adele@contoso.example' && s.selfService,
      ),
    ).toBe(true);
  });

  it("hides a member's subscription from other members and other organizations, not from admin roles", async () => {
    const sub = (await buy(t.adele)).body;
    for (const other of [t.megan, t.joni]) {
      const res = await other.get(`/api/subscriptions/${sub.id}`);
      expect([res.status, codeOf(res)]).toEqual([404, 'not_found']);
      expect(codeOf(await other.put(`/api/subscriptions/${sub.id}/licenses`, { total: 20 }))).toBe('not_found');
      expect(codeOf(await other.post(`/api/subscriptions/${sub.id}/cancel`, { reason: 'other' }))).toBe('not_found');
    }
    expect((await t.admin.get(`/api/subscriptions/${sub.id}`)).status).toBe(200);
    expect((await t.reader.get(`/api/subscriptions/${sub.id}`)).status).toBe(200);
    // the admin's view is read-only
    const adminWrites = await t.admin.put(`/api/subscriptions/${sub.id}/licenses`, { total: 20 });
    expect([adminWrites.status, codeOf(adminWrites)]).toEqual([403, 'read_only_for_admins']);
    const readerBuys = await buy(t.reader);
    expect([readerBuys.status, codeOf(readerBuys)]).toEqual([403, 'read_only']);
  });
});
