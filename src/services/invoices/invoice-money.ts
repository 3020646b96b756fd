import type { Currency } from '../../domain/money.js';

/** Amounts as the API shows them: each with its currency. */
export const money = <T extends { currency: Currency; subtotal: number; tax: number; total: number }>(i: T) => ({
  ...i,
  subtotal: { amount: i.subtotal, currency: i.currency },
  tax: { amount: i.tax, currency: i.currency },
  total: { amount: i.total, currency: i.currency },
});
