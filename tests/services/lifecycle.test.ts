import { beforeEach, describe, expect, it } from 'vitest';
import { useSignedInApp, codeOf, START } from '../helpers/app.js';
import { buy, gatewayMoves, invoicesOf, purchase, POWER_BI_PRO, withGatewayDown } from '../helpers/commerce.js';
import { runJobsOnce } from '../../src/services/jobs/run-jobs.js';
import { randomUUID } from 'node:crypto';

// Kill Bill's way: the clock moves through a whole year and every state and invoice is checked.
// each test starts at START, signed in afresh
const t = useSignedInApp(['adele']);
beforeEach(() => t.travel(START));
const get = async (id: string) => (await t.adele.get(`/api/subscriptions/${id}`)).body;
const failCards = (outcome: string) =>
  t.app.deps.db.query(`UPDATE gateway.cards SET outcome = $1 WHERE last4 = '4242'`, [outcome]);
const assignedTo = async (id: string) =>
  (
    await t.app.deps.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM license_assignments WHERE subscription_id = $1',
      [id],
    )
  )[0]!.n;

describe('renewal through a year', () => {
  it('renews a monthly subscription twelve times, each with its invoice, applying a scheduled lower total', async () => {
    const sub = (await buy(t.adele, { quantity: 10, term: 'monthly' })).body;
    await t.travel('2026-03-20T09:00:00Z');
    expect((await t.adele.put(`/api/subscriptions/${sub.id}/licenses`, { total: 8 })).body.pendingTotal).toBe(8);

    const ends: string[] = [];
    for (let month = 1; month <= 12; month++) {
      const at = new Date(Date.UTC(2026, 2 + month, 2, 9, 0, 0)).toISOString();
      await t.travel(at);
      expect((await runJobsOnce(t.app.deps)).ran).toBe(true);
      const now = await get(sub.id);
      expect(now.status, at).toBe('active');
      expect(now.termStart, at).toBe(at);
      ends.push(now.termEnd);
    }
    expect(ends.at(-1)).toBe('2027-04-02T09:00:00.000Z');
    const invoices = await invoicesOf(t.app, sub.id);
    expect(invoices).toHaveLength(13);
    // the first renewal already bills the lower total: 8 x 16.44 + 20 %
    expect(
      invoices
        .slice(1)
        .every((i) => i.subtotal === 13152 && i.tax === 2630 && i.total === 15782 && i.status === 'paid'),
    ).toBe(true);
    expect((await get(sub.id)).total).toBe(8);
    // running again at the same moment does nothing more
    expect((await runJobsOnce(t.app.deps)).moved).toBe(0);
    expect(await invoicesOf(t.app, sub.id)).toHaveLength(13);
  });

  it('without auto-renew: Expired at the term end (access kept), Disabled 30 days later, Deleted 90 days after that', async () => {
    const sub = (await buy(t.adele, { productId: 'CFQ7TTC0HD33', quantity: 3, term: 'monthly' })).body;
    await t.app.deps.db.query(
      `INSERT INTO license_assignments (org_id, subscription_id, person_id, product_id, assigned_at)
       SELECT org_id, $1, id, 'CFQ7TTC0HD33', now() FROM people WHERE email = 'megan@contoso.example'`,
      [sub.id],
    );
    await t.adele.put(`/api/subscriptions/${sub.id}/auto-renew`, { enabled: false });

    const steps: [string, string][] = [
      ['2026-04-02T08:59:00Z', 'active'],
      ['2026-04-02T09:00:00Z', 'expired'],
      ['2026-05-02T08:00:00Z', 'expired'],
      ['2026-05-02T09:00:00Z', 'disabled'],
      ['2026-07-31T08:00:00Z', 'disabled'],
      ['2026-07-31T09:00:00Z', 'deleted'],
    ];
    for (const [at, status] of steps) {
      await t.travel(at);
      await runJobsOnce(t.app.deps);
      const [row] = await t.app.deps.db.query<{ status: string }>('SELECT status FROM subscriptions WHERE id = $1', [
        sub.id,
      ]);
      expect(row!.status, at).toBe(status);
    }
    expect(await assignedTo(sub.id)).toBe(0);
    expect(await invoicesOf(t.app, sub.id)).toHaveLength(1);
    // gone from the list, and a deleted subscription cannot come back
    expect((await t.adele.get('/api/subscriptions')).body.items.map((s: { id: string }) => s.id)).not.toContain(sub.id);
    const back = await t.adele.post(`/api/subscriptions/${sub.id}/reactivate`, undefined, {
      'idempotency-key': randomUUID(),
    });
    expect([back.status, codeOf(back)]).toEqual([409, 'subscription_deleted']);
  });

  it('walks every stage at once when the clock jumps far ahead', async () => {
    const sub = (await buy(t.adele, { quantity: 1, term: 'monthly' })).body;
    await t.adele.put(`/api/subscriptions/${sub.id}/auto-renew`, { enabled: false });
    await t.travel('2027-03-01T00:00:00Z');
    await runJobsOnce(t.app.deps);
    const [row] = await t.app.deps.db.query<{ status: string }>('SELECT status FROM subscriptions WHERE id = $1', [
      sub.id,
    ]);
    expect(row!.status).toBe('deleted');
  });

  it('a failed renewal leaves it Expired, retries once a day, and renews when the card pays again', async () => {
    const sub = (await buy(t.adele, { quantity: 2, term: 'monthly' })).body;
    await failCards('insufficient_funds');
    try {
      await t.travel('2026-04-02T09:00:00Z');
      await runJobsOnce(t.app.deps);
      expect((await get(sub.id)).status).toBe('expired');
      await runJobsOnce(t.app.deps); // same day: no second attempt
      await t.travel('2026-04-03T10:00:00Z');
      await runJobsOnce(t.app.deps);
      const failed = (
        await t.app.deps.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM charges WHERE subscription_id = $1 AND status = 'failed'`,
          [sub.id],
        )
      )[0]!.n;
      expect(failed).toBe(2);
    } finally {
      await failCards('ok');
    }
    await t.travel('2026-04-04T10:00:00Z');
    await runJobsOnce(t.app.deps);
    const renewed = await get(sub.id);
    expect(renewed).toMatchObject({
      status: 'active',
      termStart: '2026-04-02T09:00:00.000Z',
      termEnd: '2026-05-02T09:00:00.000Z',
    });
    expect(await invoicesOf(t.app, sub.id)).toHaveLength(2);
  });

  it('converts a trial with a card to paid at its end; a trial without one ends', async () => {
    const withCard = await t.adele.post(
      '/api/subscriptions',
      { ...purchase({ productId: 'CFQ7TTC0LH3L', quantity: 2 }), trial: true },
      { 'idempotency-key': randomUUID() },
    );
    const noCard = await t.adele.post(
      '/api/subscriptions',
      { productId: POWER_BI_PRO, quantity: 5, term: 'monthly', trial: true },
      { 'idempotency-key': randomUUID() },
    );
    expect(withCard.status).toBe(201);
    expect(noCard.status).toBe(201);
    await t.travel('2026-04-01T09:00:00Z');
    await runJobsOnce(t.app.deps);
    expect(await get(withCard.body.id)).toMatchObject({
      status: 'active',
      termStart: '2026-04-01T09:00:00.000Z',
      termEnd: '2026-05-01T09:00:00.000Z',
    });
    expect((await invoicesOf(t.app, withCard.body.id))[0]).toMatchObject({ subtotal: 3360, tax: 672, total: 4032 });
    expect((await get(noCard.body.id)).status).toBe('expired');
    expect(await invoicesOf(t.app, noCard.body.id)).toHaveLength(0);
  });

  it('reactivates an expired subscription for a new paid term', async () => {
    const sub = (await buy(t.adele, { quantity: 2, term: 'monthly' })).body;
    await t.adele.put(`/api/subscriptions/${sub.id}/auto-renew`, { enabled: false });
    await t.travel('2026-04-10T09:00:00Z');
    await runJobsOnce(t.app.deps);
    expect((await get(sub.id)).status).toBe('expired');
    const res = await t.adele.post(`/api/subscriptions/${sub.id}/reactivate`, undefined, {
      'idempotency-key': randomUUID(),
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'active',
      autoRenew: true,
      termStart: '2026-04-10T09:00:00.000Z',
      termEnd: '2026-05-10T09:00:00.000Z',
    });
    expect(await invoicesOf(t.app, sub.id)).toHaveLength(2);
  });
});

describe('jobs across servers', () => {
  it('runs on one server at a time: a second runner finds the lock taken', async () => {
    const [a, b] = await Promise.all([runJobsOnce(t.app.deps), runJobsOnce(t.app.deps)]);
    expect([a.ran, b.ran].sort()).toEqual(t.app.database.db.kind === 'postgres' ? [false, true] : [true, true]);
  });
});

describe('a crash between the gateway and our commit', () => {
  it('is finished by reconciliation: the purchase exists once and was charged once', async () => {
    const before = (await gatewayMoves(t.app)).length;
    // the gateway takes the money, then the connection drops before we hear back
    const res = await withGatewayDown(t.app, 'after-charging', () =>
      t.adele.post('/api/subscriptions', purchase({ quantity: 4 }), { 'idempotency-key': randomUUID() }),
    );
    expect([res.status, codeOf(res)]).toEqual([502, 'payment_unconfirmed']);
    const pending = await t.app.deps.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM charges WHERE status = 'pending'`,
    );
    expect(pending[0]!.n).toBe(1);

    await t.travel('2026-03-02T09:06:00Z');
    expect((await runJobsOnce(t.app.deps)).reconciled).toBe(1);
    const mine = (await t.adele.get('/api/subscriptions')).body.items.filter(
      (s: { total: number; createdAt: string }) => s.total === 4,
    );
    expect(mine).toHaveLength(1);
    expect(await invoicesOf(t.app, mine[0].id)).toHaveLength(1);
    expect((await gatewayMoves(t.app)).length - before).toBe(1);
  });

  it('a retry with the same key completes the first attempt instead of charging again', async () => {
    const key = randomUUID();
    const before = (await gatewayMoves(t.app)).length;
    const lost = await withGatewayDown(t.app, 'after-charging', () =>
      t.adele.post('/api/subscriptions', purchase({ quantity: 6 }), { 'idempotency-key': key }),
    );
    expect(lost.status).toBe(502);
    const retry = await t.adele.post('/api/subscriptions', purchase({ quantity: 6 }), { 'idempotency-key': key });
    expect(retry.status).toBe(201);
    expect(retry.body.total).toBe(6);
    expect((await gatewayMoves(t.app)).length - before).toBe(1);
  });

  it('a charge the gateway never received fails without a purchase', async () => {
    const subs = (await t.app.deps.db.query<{ n: number }>('SELECT count(*)::int AS n FROM subscriptions'))[0]!.n;
    const refused = await withGatewayDown(t.app, 'before-charging', () =>
      t.adele.post('/api/subscriptions', purchase({ quantity: 7 }), { 'idempotency-key': randomUUID() }),
    );
    expect(refused.status).toBe(502);
    await t.travel('2026-03-02T09:10:00Z');
    expect((await runJobsOnce(t.app.deps)).reconciled).toBe(1);
    expect((await t.app.deps.db.query<{ n: number }>('SELECT count(*)::int AS n FROM subscriptions'))[0]!.n).toBe(subs);
    const [charge] = await t.app.deps.db.query<{ status: string; failureCode: string }>(
      `SELECT status, failure_code AS "failureCode" FROM charges WHERE (context->'subscription'->>'quantity')::int = 7`,
    );
    expect(charge).toEqual({ status: 'failed', failureCode: 'not_received' });
  });
});
