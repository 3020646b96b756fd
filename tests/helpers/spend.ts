import { expect } from 'vitest';
import type { Client } from './app.js';
import { billingProfile, buy, VISIO_PLAN_1 } from './commerce.js';

/** One currency's spend as /api/admin/spend and /api/invoices/spend answer it. */
export interface Series {
  currency: string;
  total: { amount: number; currency: string };
  months: { month: string; spend: { amount: number; currency: string } }[];
}
/** A line of an invoice list, what the spend is checked against. */
export type Invoice = { kind: string; status: string; issuedAt: string; total: { amount: number; currency: string } };

/** Twelve consecutive months as 'YYYY-MM', from `first` on. */
export const twelveMonthsFrom = (first: string) =>
  Array.from({ length: 12 }, (_, i) => {
    const [year, month] = first.split('-').map(Number);
    return new Date(Date.UTC(year!, month! - 1 + i)).toISOString().slice(0, 7);
  });

/** What invoice lists say was billed, by currency then month: invoices minus credit notes, void ones left out. */
export function sumBilled(items: Invoice[]) {
  const sums: Record<string, Record<string, number>> = {};
  for (const i of items.filter((i) => i.status !== 'void')) {
    const byMonth = (sums[i.total.currency] ??= {});
    const month = i.issuedAt.slice(0, 7);
    byMonth[month] = (byMonth[month] ?? 0) + (i.kind === 'credit_note' ? -1 : 1) * i.total.amount;
  }
  return sums;
}

/** A series' months that spent anything, as { month: amount }. */
export const nonZeroMonths = (s: Series) =>
  Object.fromEntries(s.months.filter((m) => m.spend.amount !== 0).map((m) => [m.month, m.spend.amount]));

/**
 * March 2026 through the real purchase path: Adèle buys 10 licenses and gives 6 back (a credit
 * note); Megan buys 3 in dollars.
 */
export async function buyTheMarchSpend(adele: Client, megan: Client) {
  const sub = (await buy(adele, { quantity: 10 })).body;
  expect((await adele.put(`/api/subscriptions/${sub.id}/licenses`, { total: 4 })).status).toBe(200);
  const dollars = { ...billingProfile('US'), currency: 'USD' };
  expect((await buy(megan, { productId: VISIO_PLAN_1, quantity: 3, billingProfile: dollars })).status).toBe(201);
}
