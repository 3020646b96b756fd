import { beforeEach, describe, expect, it } from 'vitest';
import { codeOf, signIn, START, useSignedInApp } from '../helpers/app.js';
import { billingProfile, buy, card, gatewayMoves, invoicesOf, POWER_APPS } from '../helpers/commerce.js';
import { useSecondServer } from '../helpers/second-server.js';
import { checkLedger } from '../helpers/ledger.js';
import { runJobsOnce } from '../../src/services/jobs/run-jobs.js';

// Each defect issue 12 found, as a person (or an attacker) would meet it.
const t = useSignedInApp(['adele', 'admin']);
const second = useSecondServer(t);
beforeEach(() => t.travel(START));
const netCharged = async (id: string) =>
  (
    await t.app.deps.db.query<{ n: number }>(
      `SELECT coalesce(sum(CASE kind WHEN 'charge' THEN amount ELSE -amount END), 0)::int AS n FROM charges WHERE subscription_id = $1 AND status = 'succeeded'`,
      [id],
    )
  )[0]!.n;

describe('an absolute total is idempotent by itself', () => {
  it('five "set the total to 8" at once on 5 licenses, from two servers and without keys, end at 8 with one charge', async () => {
    const sub = (await buy(t.adele, { quantity: 5 })).body;
    const remote = await signIn(second.url, 'adele@contoso.example');
    const before = (await gatewayMoves(t.app)).length;
    const answers = await Promise.all(
      [t.adele, remote, t.adele, remote, t.adele].map((c) =>
        c.put(`/api/subscriptions/${sub.id}/licenses`, { total: 8 }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect((await t.adele.get(`/api/subscriptions/${sub.id}`)).body.total).toBe(8);
    expect((await gatewayMoves(t.app)).length - before).toBe(1);
    expect(await checkLedger(t.app.deps.db, [sub.id])).toEqual([]);
  });

  it('two lowerings at once (to 3 and to 4 from 10) end at one of them, refunded once, never a 500', async () => {
    const sub = (await buy(t.adele, { quantity: 10 })).body;
    const remote = await signIn(second.url, 'adele@contoso.example');
    const answers = await Promise.all([
      t.adele.put(`/api/subscriptions/${sub.id}/licenses`, { total: 3 }),
      remote.put(`/api/subscriptions/${sub.id}/licenses`, { total: 4 }),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect([3, 4]).toContain((await t.adele.get(`/api/subscriptions/${sub.id}`)).body.total);
    expect(await checkLedger(t.app.deps.db, [sub.id])).toEqual([]);
  });
});

describe('a cancellation refunds everything paid for the rest of the term', () => {
  it('buy 10, raise to 15, cancel within 7 days: both charges give back, each with a credit note citing its invoice', async () => {
    const sub = (await buy(t.adele, { quantity: 10, term: 'monthly' })).body;
    await t.travel('2026-03-03T09:00:00Z');
    expect((await t.adele.put(`/api/subscriptions/${sub.id}/licenses`, { total: 15 })).status).toBe(200);
    await t.travel('2026-03-05T09:00:00Z');
    expect((await t.adele.post(`/api/subscriptions/${sub.id}/cancel`, { reason: 'other' })).body.status).toBe(
      'disabled',
    );
    const docs = await invoicesOf(t.app, sub.id);
    expect(docs.map((d) => d.kind)).toEqual(['invoice', 'invoice', 'credit_note', 'credit_note']);
    // 15 licenses x 16.44 for the 28 days left of 31, + 20 % VAT
    const refunded = docs.filter((d) => d.kind === 'credit_note').reduce((n, d) => n + d.total, 0);
    // 15 x 16.44 x 28 / 31 = 222.7355 -> 222.74, VAT 44.548 -> 44.55
    expect(refunded).toBe(22274 + 4455);
    expect(refunded).toBeGreaterThan(docs[0]!.total);
    const cited = await t.app.deps.db.query<{ cited: string }>(
      `SELECT c.number AS cited FROM invoices n JOIN invoices c ON c.id = n.credited_invoice_id WHERE n.subscription_id = $1 ORDER BY c.number`,
      [sub.id],
    );
    expect(cited.map((c) => c.cited)).toEqual([docs[0]!.number, docs[1]!.number]);
    expect(await checkLedger(t.app.deps.db, [sub.id])).toEqual([]);
  });

  it('after removing and adding licenses back and forth, keeps only what the days used cost', async () => {
    const sub = (await buy(t.adele, { quantity: 6, term: 'monthly' })).body;
    for (const [day, total] of [
      [3, 4],
      [4, 9],
      [5, 5],
      [6, 7],
    ] as const) {
      await t.travel(`2026-03-0${day}T09:00:00Z`);
      expect((await t.adele.put(`/api/subscriptions/${sub.id}/licenses`, { total })).status).toBe(200);
    }
    await t.travel('2026-03-08T09:00:00Z');
    expect((await t.adele.post(`/api/subscriptions/${sub.id}/cancel`, { reason: 'other' })).status).toBe(200);
    expect(await checkLedger(t.app.deps.db, [sub.id])).toEqual([]);
    // each change charges or refunds its licenses for the days left of 31, rounded to the cent, + 20 % VAT
    const priced = (licenses: number, daysLeft: number) => {
      const subtotal = Math.round((1644 * licenses * daysLeft) / 31);
      return subtotal + Math.round(subtotal * 0.2);
    };
    const kept = priced(6, 31) - priced(2, 30) + priced(5, 29) - priced(4, 28) + priced(2, 27) - priced(7, 25);
    expect(await netCharged(sub.id)).toBe(kept);
  });

  it('an admin taking control of a purchase refunds its buyer for the rest of the term', async () => {
    const sub = (await buy(t.adele, { quantity: 4, term: 'monthly' })).body;
    await t.travel('2026-03-12T09:00:00Z');
    const res = await t.admin.post(`/api/admin/self-service-purchases/${sub.id}/take-control`, {
      action: 'cancel',
      reason: 'bought centrally',
    });
    expect(res.body.status).toBe('deleted');
    const [credit] = (await invoicesOf(t.app, sub.id)).filter((d) => d.kind === 'credit_note');
    // 4 x 16.44 x 21 / 31 = 44.5471 -> 44.55, VAT 8.91
    expect(credit!.total).toBe(4455 + 891);
    expect(await checkLedger(t.app.deps.db, [sub.id])).toEqual([]);
  });
});

describe('an invoice left due by a failed renewal', () => {
  it('is owed no more once the subscription is canceled: it becomes void and cannot be paid', async () => {
    const sub = (await buy(t.adele, { quantity: 2, term: 'monthly' })).body;
    await t.app.deps.db.query(`UPDATE gateway.cards SET outcome = 'insufficient_funds' WHERE last4 = '4242'`);
    await t.travel('2026-04-02T10:00:00Z');
    await runJobsOnce(t.app.deps);
    await t.app.deps.db.query(`UPDATE gateway.cards SET outcome = 'ok' WHERE last4 = '4242'`);
    const due = (await t.adele.get('/api/invoices?from=2026-04-01&to=2026-04-03')).body.items.find(
      (i: { subscriptionId: string }) => i.subscriptionId === sub.id,
    );
    expect(due.status).toBe('due');
    expect((await t.adele.post(`/api/subscriptions/${sub.id}/cancel`, { reason: 'other' })).status).toBe(200);
    expect((await t.adele.get(`/api/invoices/${due.id}`)).body.status).toBe('void');
    const pay = await t.adele.post(
      `/api/invoices/${due.id}/pay`,
      { paymentMethodId: sub.paymentMethod.id },
      { 'idempotency-key': 'k2' },
    );
    expect([pay.status, codeOf(pay)]).toEqual([409, 'invoice_not_due']);
  });
});

describe('the organization policy binds trial conversion', () => {
  it('a trial raised to 500 licenses with a card is not converted where members may only take trials without a card', async () => {
    const trial = (await buy(t.adele, { productId: POWER_APPS, quantity: 3, trial: true })).body;
    expect(trial.status).toBe('trial');
    expect((await t.adele.put(`/api/subscriptions/${trial.id}/licenses`, { total: 500 })).body.total).toBe(500);
    expect(
      (await t.admin.put(`/api/admin/self-service-policy/${POWER_APPS}`, { value: 'OnlyTrialsWithoutPaymentMethod' }))
        .status,
    ).toBe(200);
    await t.travel('2026-04-01T10:00:00Z');
    await runJobsOnce(t.app.deps);
    expect((await t.adele.get(`/api/subscriptions/${trial.id}`)).body).toMatchObject({
      status: 'expired',
      autoRenew: false,
    });
    // nor the next days, nor by reactivating it
    await t.travel('2026-04-03T10:00:00Z');
    await runJobsOnce(t.app.deps);
    const again = await t.adele.post(`/api/subscriptions/${trial.id}/reactivate`, undefined, {
      'idempotency-key': 'k1',
    });
    expect([again.status, codeOf(again)]).toEqual([403, 'only_trials_allowed']);
    expect(await netCharged(trial.id)).toBe(0);
    await t.admin.put(`/api/admin/self-service-policy/${POWER_APPS}`, { value: 'Enabled' });
  });
});

describe('one rule for the countries we bill', () => {
  it('refuses a purchase billed to a country whose VAT we do not know, as an edited profile is', async () => {
    const res = await buy(t.adele, { card: card(), billingProfile: billingProfile('BR') });
    expect([res.status, codeOf(res)]).toEqual([400, 'unsupported_country']);
    const quote = await t.adele.get(
      '/api/subscriptions/quote?productId=CFQ7TTC0H9MP&quantity=1&term=monthly&country=BR',
    );
    expect([quote.status, codeOf(quote)]).toEqual([400, 'unsupported_country']);
  });
});
