import { beforeEach, describe, expect, it } from 'vitest';
import { codeOf, START, useSignedInApp } from '../helpers/app.js';
import { assignSome, buy, invoicesOf } from '../helpers/commerce.js';

// The price before every charge: what GET /api/subscriptions/{id}/quote announces is what the
// change then charges or refunds, to the cent, with the same refusals.
const t = useSignedInApp(['adele']);
beforeEach(() => t.travel(START));

const quote = (id: string, q: string) => t.adele.get(`/api/subscriptions/${id}/quote?${q}`);
const eur = (amount: number) => ({ amount, currency: 'EUR' });
/** A quote's amounts in cents, as the invoice or credit note it announces carries them. */
const amountsOf = (q: Record<'subtotal' | 'tax' | 'total', { amount: number }>) => ({
  subtotal: q.subtotal.amount,
  tax: q.tax.amount,
  total: q.total.amount,
});

describe('the quote of a change', () => {
  it('more licenses: the pro-rata charge, its VAT and the card, equal to the invoice the change then issues', async () => {
    const sub = (await buy(t.adele, { quantity: 100, term: 'monthly' })).body;
    await t.travel('2026-03-12T09:00:00Z');
    const q = await quote(sub.id, 'total=105');
    expect(q.status).toBe(200);
    // 16.44 x 5 x 21 / 31 = 55.68, VAT 20 % 11.14
    expect(q.body).toMatchObject({
      change: 'more_licenses',
      money: 'charge',
      quantity: 105,
      licenses: 5,
      taxRateBp: 2000,
      effectiveAt: '2026-03-12T09:00:00.000Z',
      periodEnd: '2026-04-02T09:00:00.000Z',
      card: { brand: 'visa', last4: '4242' },
    });
    expect(q.body).toMatchObject({ subtotal: eur(5568), tax: eur(1114), total: eur(6682) });
    // a quote changes nothing
    expect((await t.adele.get(`/api/subscriptions/${sub.id}`)).body.total).toBe(100);
    expect((await t.adele.put(`/api/subscriptions/${sub.id}/licenses`, { total: 105 })).status).toBe(200);
    expect((await invoicesOf(t.app, sub.id)).at(-1)).toMatchObject({ kind: 'invoice', ...amountsOf(q.body) });
  });

  it('fewer licenses within 7 days: the refund as the credit note says it; later: nothing until the renewal', async () => {
    const sub = (await buy(t.adele, { quantity: 10, term: 'annual' })).body;
    await t.travel('2026-03-05T09:00:00Z');
    const q = await quote(sub.id, 'total=4');
    expect(q.body).toMatchObject({ change: 'fewer_licenses', money: 'refund', licenses: 6 });
    expect(q.body).toMatchObject({ subtotal: eur(97829), tax: eur(19566), total: eur(117395) });
    await t.adele.put(`/api/subscriptions/${sub.id}/licenses`, { total: 4 });
    expect((await invoicesOf(t.app, sub.id)).at(-1)).toMatchObject({ kind: 'credit_note', ...amountsOf(q.body) });

    await t.travel('2026-03-20T09:00:00Z');
    const later = await quote(sub.id, 'total=2');
    expect(later.body).toMatchObject({
      change: 'fewer_licenses_at_renewal',
      money: 'none',
      total: eur(0),
      effectiveAt: '2027-03-02T09:00:00.000Z',
    });
    expect((await quote(sub.id, 'total=4')).body.change).toBe('no_change');
  });

  it('cancel: the refund within 7 days, else the date it stops; reactivate: a new term at full price', async () => {
    const sub = (await buy(t.adele, { quantity: 3, term: 'monthly' })).body;
    await t.travel('2026-03-03T09:00:00Z');
    const q = await quote(sub.id, 'action=cancel');
    expect(q.body).toMatchObject({ change: 'cancel', money: 'refund', quantity: 3 });
    await t.adele.post(`/api/subscriptions/${sub.id}/cancel`, { reason: 'too_expensive' });
    const note = (await invoicesOf(t.app, sub.id)).at(-1)!;
    expect([note.kind, note.total]).toEqual(['credit_note', q.body.total.amount]);

    const re = await quote(sub.id, 'action=reactivate');
    // 16.44 x 3 = 49.32, VAT 9.86
    expect(re.body).toMatchObject({ change: 'reactivation', money: 'charge', quantity: 3 });
    expect(re.body).toMatchObject({ subtotal: eur(4932), tax: eur(986), total: eur(5918) });
    await t.adele.post(`/api/subscriptions/${sub.id}/reactivate`, undefined, {
      'idempotency-key': crypto.randomUUID(),
    });
    expect((await invoicesOf(t.app, sub.id)).at(-1)).toMatchObject({ kind: 'invoice', ...amountsOf(re.body) });

    await t.travel('2026-03-20T09:00:00Z');
    expect((await quote(sub.id, 'action=cancel')).body).toMatchObject({
      change: 'cancel_at_term_end',
      money: 'none',
      effectiveAt: '2026-04-03T09:00:00.000Z',
    });
  });

  it('refuses what the change would refuse, with the same codes', async () => {
    const sub = (await buy(t.adele, { quantity: 5, term: 'annual' })).body;
    await assignSome(t.app, sub.id, 3);
    expect(codeOf(await quote(sub.id, 'total=2'))).toBe('licenses_assigned');
    expect(codeOf(await quote(sub.id, 'total=0'))).toBe('minimum_one_license');
    expect(codeOf(await quote(sub.id, 'action=reactivate'))).toBe('subscription_not_inactive');
    expect((await quote(sub.id, '')).status).toBe(400);
    expect((await quote(sub.id, 'total=6&action=cancel')).status).toBe(400);
    // an admin reads a member's purchase but cannot change it; another organization finds nothing
    const admin = await t.app.signIn('admin@contoso.example');
    expect(codeOf(await admin.get(`/api/subscriptions/${sub.id}/quote?total=6`))).toBe('read_only_for_admins');
    const joni = await t.app.signIn('joni@fabrikam.example');
    expect((await joni.get(`/api/subscriptions/${sub.id}/quote?total=6`)).status).toBe(404);
  });
});
