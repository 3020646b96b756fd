import type { Currency } from './money.js';

/** The twelve calendar months (UTC) ending with the current one: their keys (YYYY-MM) and the instants bounding them. */
export function lastTwelveMonths(now: Date) {
  const start = (i: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11 + i, 1));
  return {
    from: start(0),
    to: start(12),
    months: Array.from({ length: 12 }, (_, i) => start(i).toISOString().slice(0, 7)),
  };
}

export interface MonthSpend {
  /** YYYY-MM, in UTC */
  month: string;
  currency: Currency;
  /** invoices minus credit notes, minor units */
  amount: number;
}

/**
 * Monthly amounts as one series per currency (amounts of different currencies are never added),
 * each with every month of the window, those without spend at zero, and its total. `first` leads
 * and is always there, even without spend; the other currencies billed follow alphabetically.
 */
export function spendSeries(months: string[], rows: MonthSpend[], first?: Currency) {
  const others = [...new Set(rows.map((r) => r.currency))].filter((c) => c !== first).sort();
  return [...(first ? [first] : []), ...others].map((currency) => {
    const spent = new Map(rows.filter((r) => r.currency === currency).map((r) => [r.month, r.amount]));
    const byMonth = months.map((month) => ({ month, spend: { amount: spent.get(month) ?? 0, currency } }));
    return {
      currency,
      total: { amount: byMonth.reduce((sum, m) => sum + m.spend.amount, 0), currency },
      months: byMonth,
    };
  });
}
