import { beforeAll, describe, expect, it } from 'vitest';
import { codeOf, useSignedInApp, type Client } from '../helpers/app.js';
import { buy, billingProfile, VISIO_PLAN_1 } from '../helpers/commerce.js';
import { buyTheMarchSpend, nonZeroMonths, sumBilled, twelveMonthsFrom, type Series } from '../helpers/spend.js';

// The admin overview's spend of the last twelve months: the whole organization's invoices minus
// its credit notes, by month, one series per currency, nobody else's.
const engines = process.env.DATABASE_URL ? (['postgres', 'pglite'] as const) : (['pglite'] as const);

describe.each(engines)("the organization's spend on %s", (engine) => {
  const t = useSignedInApp(['adele', 'megan', 'admin', 'billing', 'reader', 'joni', 'fabrikam'], { engine });
  beforeAll(async () => {
    // March 2026: Adèle buys 10 licenses, then gives 6 back (a credit note); Megan buys in dollars
    await buyTheMarchSpend(t.adele, t.megan);
    // May 2026: Megan buys again in euros; Fabrikam buys in dollars, which Contoso must never count
    await t.travel('2026-05-20T10:00:00Z');
    expect((await buy(t.megan, { productId: VISIO_PLAN_1, quantity: 2, term: 'annual' })).status).toBe(201);
    expect((await buy(t.joni, { quantity: 7, billingProfile: billingProfile('US') })).status).toBe(201);
  });

  /** What the members' own invoice lists say they were billed, by currency and month, credit notes deducted. */
  async function billedTo(...members: Client[]) {
    const lists = await Promise.all(members.map((m) => m.get('/api/invoices?months=12&limit=100')));
    return sumBilled(lists.flatMap((res) => res.body.items));
  }

  it('sums every member’s invoices minus credit notes by month, per currency, the twelve months ending now, empty months at zero', async () => {
    const res = await t.admin.get('/api/admin/spend');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ from: '2025-06-01T00:00:00.000Z', to: '2026-06-01T00:00:00.000Z' });
    const [eur, usd] = res.body.items as Series[];
    expect(res.body.items.map((s: Series) => s.currency)).toEqual(['EUR', 'USD']);
    for (const s of [eur!, usd!]) {
      expect(s.months.map((m) => m.month)).toEqual(twelveMonthsFrom('2025-06'));
      expect(s.months.every((m) => m.spend.currency === s.currency)).toBe(true);
      expect(s.total.amount).toBe(s.months.reduce((sum, m) => sum + m.spend.amount, 0));
    }
    const billed = await billedTo(t.adele, t.megan);
    expect(nonZeroMonths(eur!)).toEqual(billed.EUR);
    expect(nonZeroMonths(usd!)).toEqual(billed.USD);
    // the credit note was deducted: March's euros are less than Adèle's 10 licenses at 16.44 with VAT
    expect(eur!.months.find((m) => m.month === '2026-03')!.spend.amount).toBeLessThan(16440);
    expect(eur!.months.find((m) => m.month === '2026-03')!.spend.amount).toBeGreaterThan(0);
    expect(eur!.months.find((m) => m.month === '2026-04')!.spend.amount).toBe(0);
  });

  it('counts nothing of another organization: Fabrikam sees its own dollars only', async () => {
    const own = (await t.fabrikam.get('/api/admin/spend')).body.items as Series[];
    expect(own.map((s) => s.currency)).toEqual(['USD']);
    const billed = await billedTo(t.joni);
    expect(nonZeroMonths(own[0]!)).toEqual(billed.USD);
    const contosoUsd = ((await t.admin.get('/api/admin/spend')).body.items as Series[]).find(
      (s) => s.currency === 'USD',
    )!;
    expect(contosoUsd.months.find((m) => m.month === '2026-05')!.spend.amount).toBe(0);
  });

  it('leaves void invoices out', async () => {
    // as voidDueInvoices leaves a renewal never paid: Megan's dollars of March are owed no more
    await t.app.deps.db.query(`UPDATE invoices SET status = 'void' WHERE org_id = $1 AND currency = 'USD'`, [
      t.megan.orgId,
    ]);
    const usd = ((await t.admin.get('/api/admin/spend')).body.items as Series[]).find((s) => s.currency === 'USD')!;
    expect(usd.months.map((m) => m.spend.amount)).toEqual(Array(12).fill(0));
    const [eur] = (await t.admin.get('/api/admin/spend')).body.items as Series[];
    expect(nonZeroMonths(eur!)).toEqual((await billedTo(t.adele, t.megan)).EUR);
  });

  it('lets the billing admin and the global reader read it; a member gets 403 problem+json', async () => {
    for (const who of [t.billing, t.reader]) expect((await who.get('/api/admin/spend')).status).toBe(200);
    const member = await t.adele.get('/api/admin/spend');
    expect([member.status, codeOf(member)]).toEqual([403, 'admin_only']);
    expect(member.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('moves its window with the clock: a year on, March 2026 has left it', async () => {
    await t.travel('2027-04-01T00:00:00Z');
    const [eur] = (await t.admin.get('/api/admin/spend')).body.items as Series[];
    expect(eur!.months.map((m) => m.month)).toEqual(twelveMonthsFrom('2026-05'));
    expect(eur!.total.amount).toBe(eur!.months[0]!.spend.amount);
    expect(eur!.total.amount).toBeGreaterThan(0);
  });
});
