import { beforeAll, describe, expect, it } from 'vitest';
import { useSignedInApp, send, codeOf, type Client } from '../helpers/app.js';
import { buy } from '../helpers/commerce.js';
import { buyTheMarchSpend, nonZeroMonths, sumBilled, twelveMonthsFrom, type Series } from '../helpers/spend.js';
import { insertInvoice, type NewInvoice } from '../../src/db/invoices.js';
import type { Currency } from '../../src/domain/money.js';

// A member's own spend of the last twelve months (Your products): what their invoice list shows,
// invoices minus credit notes, by month, per currency, however many invoices, nobody else's.
const engines = process.env.DATABASE_URL ? (['postgres', 'pglite'] as const) : (['pglite'] as const);
const WINDOW = twelveMonthsFrom('2025-04');

describe.each(engines)('a member’s own spend on %s', (engine) => {
  const t = useSignedInApp(['adele', 'megan', 'admin', 'joni'], { engine });
  /** The invoices put straight in the database, by owner: what each should be billed for them, by month. */
  const issued: Record<string, Record<string, number>> = {};

  /** Issues invoices as the invoicing does (insertInvoice), in one transaction, and notes what they add. */
  async function issue(
    who: Client,
    invoices: {
      at: string;
      total: number;
      kind?: NewInvoice['kind'];
      status?: NewInvoice['status'];
      currency?: Currency;
    }[],
  ) {
    await t.app.deps.db.transaction(async (tx) => {
      for (const i of invoices) {
        const kind = i.kind ?? 'invoice',
          status = i.status ?? 'paid';
        await insertInvoice(
          tx,
          {
            orgId: who.orgId,
            kind,
            ownerId: who.personId,
            subscriptionId: null,
            billingProfileId: null,
            billingSnapshot: { name: 'Test' },
            issuedAt: new Date(i.at),
            periodStart: null,
            periodEnd: null,
            currency: i.currency ?? 'EUR',
            subtotal: i.total,
            taxRateBp: 0,
            tax: 0,
            total: i.total,
            status,
            payment: null,
            creditedInvoiceId: null,
            lines: [],
          },
          'TST',
        );
        const month = i.at.slice(0, 7);
        if (status === 'void' || !WINDOW.includes(month)) continue;
        const byMonth = (issued[`${who.personId} ${i.currency ?? 'EUR'}`] ??= {});
        byMonth[month] = (byMonth[month] ?? 0) + (kind === 'credit_note' ? -i.total : i.total);
      }
    });
  }

  beforeAll(async () => {
    // March 2026, through the real purchase path: Adèle buys 10 licenses and gives 6 back (a credit
    // note); Megan buys in dollars; Joni, at Fabrikam, too
    await buyTheMarchSpend(t.adele, t.megan);
    expect((await buy(t.joni, { quantity: 7 })).status).toBe(201);
    // Adèle's earlier year: 140 invoices over eleven months and 12 credit notes, a void one, and
    // two just outside the window (the last instant before it, and a pound invoice 13 months ago)
    await issue(t.adele, [
      ...Array.from({ length: 140 }, (_, i) => ({
        at: `${WINDOW[i % 11]}-${String(1 + (i % 28)).padStart(2, '0')}T12:00:00Z`,
        total: 1000 + i,
      })),
      ...Array.from({ length: 12 }, (_, i) => ({
        at: `${WINDOW[i % 11]}-15T08:00:00Z`,
        total: 500 + i,
        kind: 'credit_note' as const,
      })),
      { at: '2026-01-10T00:00:00Z', total: 99_999, status: 'void' },
      { at: '2025-03-31T23:59:59.999Z', total: 77_777 },
      { at: '2025-03-01T00:00:00Z', total: 55_555, currency: 'GBP' },
    ]);
    // the same months for another member of Contoso and a member of Fabrikam (which bills in dollars): never Adèle's
    await issue(t.megan, [
      { at: '2025-06-10T10:00:00Z', total: 3_000 },
      { at: '2026-01-05T10:00:00Z', total: 4_000, currency: 'GBP' },
    ]);
    await issue(
      t.joni,
      WINDOW.map((month) => ({ at: `${month}-03T10:00:00Z`, total: 2_500, currency: 'USD' as const })),
    );
  });

  /** What a member's invoice list of the window's days says they were billed, every page of it, by currency and month, credit notes deducted. */
  async function billedTo(member: Client) {
    const items = [];
    let pages = 0;
    for (let cursor: string | null = ''; cursor !== null; pages++) {
      const res = await member.get(
        `/api/invoices?from=2025-04-01&to=2026-03-31&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      items.push(...res.body.items);
      cursor = res.body.nextCursor;
    }
    return { sums: sumBilled(items), pages };
  }
  const spendOf = async (member: Client) => {
    const res = await member.get('/api/invoices/spend');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ from: '2025-04-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' });
    for (const s of res.body.items as Series[]) {
      expect(s.months.map((m) => m.month)).toEqual(WINDOW);
      expect(s.months.every((m) => m.spend.currency === s.currency && Number.isInteger(m.spend.amount))).toBe(true);
      expect(s.total).toEqual({ amount: s.months.reduce((sum, m) => sum + m.spend.amount, 0), currency: s.currency });
    }
    return res.body.items as Series[];
  };

  it('sums every invoice of the member’s list, more than 100 of them, credit notes deducted, void ones and those before the window left out', async () => {
    const [eur, ...others] = await spendOf(t.adele);
    expect(others).toEqual([]);
    expect(eur!.currency).toBe('EUR');
    const { sums, pages } = await billedTo(t.adele);
    expect(pages).toBe(2);
    expect(nonZeroMonths(eur!)).toEqual(sums.EUR);
    // the eleven months before March are the issued invoices exactly, less their credit notes
    expect(eur!.months.slice(0, 11).map((m) => m.spend.amount)).toEqual(
      WINDOW.slice(0, 11).map((m) => issued[`${t.adele.personId} EUR`]![m]),
    );
    // March: 10 licenses bought, 6 given back, so more than nothing and less than what was paid for the 10
    const march = (await t.adele.get('/api/invoices?from=2026-03-01&to=2026-03-31&limit=100')).body.items as {
      kind: string;
      total: { amount: number };
    }[];
    const paid = march.filter((i) => i.kind === 'invoice').reduce((s, i) => s + i.total.amount, 0);
    const credited = march.filter((i) => i.kind === 'credit_note').reduce((s, i) => s + i.total.amount, 0);
    expect(credited).toBeGreaterThan(0);
    expect(eur!.months[11]!.spend.amount).toBe(paid - credited);
  });

  it('counts nobody else’s invoices: another member’s, another organization’s; without invoices, no series', async () => {
    const meganSpend = await spendOf(t.megan);
    expect(meganSpend.map((s) => s.currency)).toEqual(['EUR', 'GBP', 'USD']);
    const { sums } = await billedTo(t.megan);
    for (const s of meganSpend) expect(nonZeroMonths(s)).toEqual(sums[s.currency]);
    expect(nonZeroMonths(meganSpend[0]!)).toEqual({ '2025-06': 3_000 });

    const [joniUsd, ...joniOthers] = await spendOf(t.joni);
    expect([joniUsd!.currency, joniOthers]).toEqual(['USD', []]);
    expect(nonZeroMonths(joniUsd!)).toEqual((await billedTo(t.joni)).sums.USD);
    expect(joniUsd!.months[0]!.spend.amount).toBe(2_500);

    expect(await spendOf(t.admin)).toEqual([]);
  });

  it('answers 401 problem+json without a session', async () => {
    const res = await send(`${t.app.url}/api/invoices/spend`, 'GET');
    expect([res.status, codeOf(res)]).toEqual([401, 'unauthenticated']);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});
