import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, codeOf, type TestApp, type Client } from '../helpers/app.js';
import { buy, billingProfile, VISIO_PLAN_1 } from '../helpers/commerce.js';

// The admin overview's spend of the last twelve months: the whole organization's invoices minus
// its credit notes, by month, one series per currency, nobody else's.
const engines = process.env.DATABASE_URL ? (['postgres', 'pglite'] as const) : (['pglite'] as const);

interface Series {
  currency: string;
  total: { amount: number };
  months: { month: string; spend: { amount: number; currency: string } }[];
}
type Invoice = { kind: string; status: string; issuedAt: string; total: { amount: number; currency: string } };

describe.each(engines)("the organization's spend on %s", (engine) => {
  let app: TestApp;
  let adele: Client, megan: Client, admin: Client, billing: Client, reader: Client, joni: Client, fabrikam: Client;
  /** Sessions end when the clock moves on: everyone signs in again at each date. */
  const signInAll = async () => {
    [adele, megan, admin, billing, reader, joni, fabrikam] = (await Promise.all(
      [
        'adele@contoso.example',
        'megan@contoso.example',
        'admin@contoso.example',
        'billing@contoso.example',
        'reader@contoso.example',
        'joni@fabrikam.example',
        'admin@fabrikam.example',
      ].map((e) => app.signIn(e)),
    )) as [Client, Client, Client, Client, Client, Client, Client];
  };
  beforeAll(async () => {
    app = await startTestApp({ engine });
    await signInAll();
    // March 2026: Adèle buys 10 licenses, then gives 6 back (a credit note); Megan buys in dollars
    const sub = (await buy(adele, { quantity: 10 })).body;
    expect((await adele.put(`/api/subscriptions/${sub.id}/licenses`, { total: 4 })).status).toBe(200);
    expect(
      (
        await buy(megan, {
          productId: VISIO_PLAN_1,
          quantity: 3,
          billingProfile: { ...billingProfile('US'), currency: 'USD' },
        })
      ).status,
    ).toBe(201);
    // May 2026: Megan buys again in euros; Fabrikam buys in dollars, which Contoso must never count
    app.clock.set('2026-05-20T10:00:00Z');
    await signInAll();
    expect((await buy(megan, { productId: VISIO_PLAN_1, quantity: 2, term: 'annual' })).status).toBe(201);
    expect((await buy(joni, { quantity: 7, billingProfile: billingProfile('US') })).status).toBe(201);
  });
  afterAll(() => app?.close());

  /** What the members' own invoice lists say they were billed, by currency and month, credit notes deducted. */
  async function billedTo(...members: Client[]) {
    const sums: Record<string, Record<string, number>> = {};
    for (const m of members) {
      const { items } = (await m.get('/api/invoices?months=12&limit=100')).body as { items: Invoice[] };
      for (const i of items.filter((i) => i.status !== 'void')) {
        const byMonth = (sums[i.total.currency] ??= {});
        const month = i.issuedAt.slice(0, 7);
        byMonth[month] = (byMonth[month] ?? 0) + (i.kind === 'credit_note' ? -1 : 1) * i.total.amount;
      }
    }
    return sums;
  }

  it('sums every member’s invoices minus credit notes by month, per currency, the twelve months ending now, empty months at zero', async () => {
    const res = await admin.get('/api/admin/spend');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ from: '2025-06-01T00:00:00.000Z', to: '2026-06-01T00:00:00.000Z' });
    const [eur, usd] = res.body.items as Series[];
    expect(res.body.items.map((s: Series) => s.currency)).toEqual(['EUR', 'USD']);
    for (const s of [eur!, usd!]) {
      expect(s.months.map((m) => m.month)).toEqual([
        '2025-06',
        '2025-07',
        '2025-08',
        '2025-09',
        '2025-10',
        '2025-11',
        '2025-12',
        '2026-01',
        '2026-02',
        '2026-03',
        '2026-04',
        '2026-05',
      ]);
      expect(s.months.every((m) => m.spend.currency === s.currency)).toBe(true);
      expect(s.total.amount).toBe(s.months.reduce((sum, m) => sum + m.spend.amount, 0));
    }
    const billed = await billedTo(adele, megan);
    const spend = (s: Series) =>
      Object.fromEntries(s.months.filter((m) => m.spend.amount !== 0).map((m) => [m.month, m.spend.amount]));
    expect(spend(eur!)).toEqual(billed.EUR);
    expect(spend(usd!)).toEqual(billed.USD);
    // the credit note was deducted: March's euros are less than Adèle's 10 licenses at 16.44 with VAT
    expect(eur!.months.find((m) => m.month === '2026-03')!.spend.amount).toBeLessThan(16440);
    expect(eur!.months.find((m) => m.month === '2026-03')!.spend.amount).toBeGreaterThan(0);
    expect(eur!.months.find((m) => m.month === '2026-04')!.spend.amount).toBe(0);
  });

  it('counts nothing of another organization: Fabrikam sees its own dollars only', async () => {
    const own = (await fabrikam.get('/api/admin/spend')).body.items as Series[];
    expect(own.map((s) => s.currency)).toEqual(['USD']);
    const billed = await billedTo(joni);
    expect(
      Object.fromEntries(own[0]!.months.filter((m) => m.spend.amount).map((m) => [m.month, m.spend.amount])),
    ).toEqual(billed.USD);
    const contosoUsd = ((await admin.get('/api/admin/spend')).body.items as Series[]).find(
      (s) => s.currency === 'USD',
    )!;
    expect(contosoUsd.months.find((m) => m.month === '2026-05')!.spend.amount).toBe(0);
  });

  it('leaves void invoices out', async () => {
    // as voidDueInvoices leaves a renewal never paid: Megan's dollars of March are owed no more
    await app.deps.db.query(`UPDATE invoices SET status = 'void' WHERE org_id = $1 AND currency = 'USD'`, [
      megan.orgId,
    ]);
    const usd = ((await admin.get('/api/admin/spend')).body.items as Series[]).find((s) => s.currency === 'USD')!;
    expect(usd.months.map((m) => m.spend.amount)).toEqual(Array(12).fill(0));
    const [eur] = (await admin.get('/api/admin/spend')).body.items as Series[];
    expect(Object.fromEntries(eur!.months.filter((m) => m.spend.amount).map((m) => [m.month, m.spend.amount]))).toEqual(
      (await billedTo(adele, megan)).EUR,
    );
  });

  it('lets the billing admin and the global reader read it; a member gets 403 problem+json', async () => {
    for (const who of [billing, reader]) expect((await who.get('/api/admin/spend')).status).toBe(200);
    const member = await adele.get('/api/admin/spend');
    expect([member.status, codeOf(member)]).toEqual([403, 'admin_only']);
    expect(member.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('moves its window with the clock: a year on, March 2026 has left it', async () => {
    app.clock.set('2027-04-01T00:00:00Z');
    await signInAll();
    const [eur] = (await admin.get('/api/admin/spend')).body.items as Series[];
    expect(eur!.months.map((m) => m.month)).toEqual([
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
      '2027-03',
      '2027-04',
    ]);
    expect(eur!.total.amount).toBe(eur!.months[0]!.spend.amount);
    expect(eur!.total.amount).toBeGreaterThan(0);
  });
});
