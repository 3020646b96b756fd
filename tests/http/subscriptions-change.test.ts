import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { codeOf, START, useSignedInApp } from '../helpers/app.js';
import { assignSome, buy, gatewayMoves, invoicesOf } from '../helpers/commerce.js';

const t = useSignedInApp(['adele']);
beforeEach(() => t.travel(START));

const setTotal = (id: string, total: number, key?: string) =>
  t.adele.put(`/api/subscriptions/${id}/licenses`, { total }, key ? { 'idempotency-key': key } : {});

const assign = (id: string, n: number) => assignSome(t.app, id, n);

describe('buying more licenses', () => {
  it('adds them at once and charges the rest of the term pro rata, with an invoice', async () => {
    // monthly, 16.44 EUR a license, bought March 2 09:00: the term has 31 days
    const sub = (await buy(t.adele, { quantity: 100, term: 'monthly' })).body;
    await t.travel('2026-03-12T09:00:00Z'); // 21 days left
    const res = await setTotal(sub.id, 105);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 105, available: 105, pendingTotal: null });
    // 16.44 x 5 x 21 / 31 = 55.6839 -> 55.68, VAT 11.14
    const invoices = await invoicesOf(t.app, sub.id);
    expect(invoices).toHaveLength(2);
    expect(invoices[1]).toMatchObject({ kind: 'invoice', subtotal: 5568, tax: 1114, total: 6682, status: 'paid' });
    expect(invoices[1]!.periodEnd.toISOString()).toBe('2026-04-02T09:00:00.000Z');
    expect((await gatewayMoves(t.app)).at(-1)).toEqual({ kind: 'charge', amount: 6682, status: 'succeeded' });
  });

  it('a declined card changes nothing', async () => {
    const sub = (await buy(t.adele, { quantity: 10 })).body;
    // the bank starts declining this card
    await t.app.deps.db.query(`UPDATE gateway.cards SET outcome = 'insufficient_funds' WHERE last4 = '4242'`);
    try {
      const res = await setTotal(sub.id, 12);
      expect([res.status, codeOf(res)]).toEqual([402, 'insufficient_funds']);
      expect((await t.adele.get(`/api/subscriptions/${sub.id}`)).body.total).toBe(10);
      expect(await invoicesOf(t.app, sub.id)).toHaveLength(1);
    } finally {
      await t.app.deps.db.query(`UPDATE gateway.cards SET outcome = 'ok' WHERE last4 = '4242'`);
    }
  });

  it('replays a change made with the same key', async () => {
    const sub = (await buy(t.adele, { quantity: 10 })).body;
    const key = randomUUID();
    const first = await setTotal(sub.id, 15, key);
    const again = await setTotal(sub.id, 15, key);
    expect(again.body).toEqual(first.body);
    expect(await invoicesOf(t.app, sub.id)).toHaveLength(2);
  });
});

describe('removing licenses', () => {
  it('within 7 days: at once, refunded pro rata with a credit note', async () => {
    const sub = (await buy(t.adele, { quantity: 10, term: 'annual' })).body;
    await t.travel('2026-03-05T09:00:00Z'); // 362 of 365 days left
    const res = await setTotal(sub.id, 4);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 4, pendingTotal: null });
    // 164.40 x 6 x 362 / 365 = 978.2926 -> 978.29, VAT 195.66
    const [, credit] = await invoicesOf(t.app, sub.id);
    expect(credit).toMatchObject({
      kind: 'credit_note',
      subtotal: 97829,
      tax: 19566,
      total: 117395,
      status: 'refunded',
    });
    expect((await gatewayMoves(t.app)).filter((m) => m.kind === 'refund')).toContainEqual({
      kind: 'refund',
      amount: 117395,
      status: 'succeeded',
    });
  });

  it('after 7 days: scheduled for the renewal, nothing refunded', async () => {
    const sub = (await buy(t.adele, { quantity: 10, term: 'monthly' })).body;
    await t.travel('2026-03-20T09:00:00Z');
    const res = await setTotal(sub.id, 6);
    expect(res.body).toMatchObject({ total: 10, pendingTotal: 6 });
    expect(res.body.nextCharge.amount.amount).toBe(11837); // 6 x 16.44 + 20 %
    expect(await invoicesOf(t.app, sub.id)).toHaveLength(1);
    // the same total again calls the decrease off
    expect((await setTotal(sub.id, 10)).body.pendingTotal).toBeNull();
  });

  it('never below the licenses assigned, saying how many to unassign; never below 1', async () => {
    const sub = (await buy(t.adele, { quantity: 10 })).body;
    await assign(sub.id, 7);
    const res = await setTotal(sub.id, 5);
    expect([res.status, codeOf(res)]).toEqual([409, 'licenses_assigned']);
    expect(res.body).toMatchObject({ assigned: 7, mustUnassign: 2 });
    expect(res.body.detail).toContain('unassign 2');
    const zero = await setTotal(sub.id, 0);
    expect([zero.status, codeOf(zero)]).toEqual([422, 'minimum_one_license']);
    expect((await setTotal(sub.id, 7)).status).toBe(200);
  });
});

describe('cancelling', () => {
  it('within 7 days: refunded, disabled at once, and only once', async () => {
    const sub = (await buy(t.adele, { quantity: 2, term: 'monthly' })).body;
    await assign(sub.id, 2);
    await t.travel('2026-03-03T09:00:00Z'); // 30 of 31 days left
    const res = await t.adele.post(`/api/subscriptions/${sub.id}/cancel`, {
      reason: 'bought_by_mistake',
      feedback: 'Wrong product.',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'disabled',
      autoRenew: false,
      cancelReason: 'bought_by_mistake',
      nextCharge: null,
    });
    // 16.44 x 2 x 30 / 31 = 31.82, VAT 6.36
    expect((await invoicesOf(t.app, sub.id))[1]).toMatchObject({
      kind: 'credit_note',
      subtotal: 3182,
      tax: 636,
      total: 3818,
    });
    const again = await t.adele.post(`/api/subscriptions/${sub.id}/cancel`, { reason: 'other' });
    expect([again.status, codeOf(again)]).toEqual([409, 'already_canceled']);
  });

  it('after 7 days: no renewal, access until the end of the term', async () => {
    const sub = (await buy(t.adele, { quantity: 2, term: 'monthly' })).body;
    await t.travel('2026-03-15T09:00:00Z');
    const res = await t.adele.post(`/api/subscriptions/${sub.id}/cancel`, { reason: 'too_expensive' });
    expect(res.body).toMatchObject({ status: 'active', autoRenew: false, nextCharge: null });
    expect(await invoicesOf(t.app, sub.id)).toHaveLength(1);
  });

  it('refuses unknown reasons and feedback over 2,000 characters', async () => {
    const sub = (await buy(t.adele)).body;
    expect(codeOf(await t.adele.post(`/api/subscriptions/${sub.id}/cancel`, { reason: 'because' }))).toBe(
      'validation_failed',
    );
    expect(
      codeOf(
        await t.adele.post(`/api/subscriptions/${sub.id}/cancel`, { reason: 'other', feedback: 'x'.repeat(2001) }),
      ),
    ).toBe('validation_failed');
    expect(
      (await t.adele.post(`/api/subscriptions/${sub.id}/cancel`, { reason: 'other', feedback: 'x'.repeat(2000) }))
        .status,
    ).toBe(200);
  });

  it('turns auto-renew off and on again', async () => {
    const sub = (await buy(t.adele)).body;
    expect((await t.adele.put(`/api/subscriptions/${sub.id}/auto-renew`, { enabled: false })).body).toMatchObject({
      autoRenew: false,
      nextCharge: null,
    });
    expect((await t.adele.put(`/api/subscriptions/${sub.id}/auto-renew`, { enabled: true })).body.autoRenew).toBe(true);
  });
});
