import type { Term } from './subscription.js';
import { divideRoundHalfUp, taxOn } from './money.js';
import { daysIn, daysLeft, MONTHS_IN } from './term.js';

/** Price of one license for a whole term: the frozen monthly price times the term's months. */
export const termPrice = (unitPrice: number, term: Term) => unitPrice * MONTHS_IN[term];

/**
 * The part of a term's price for `licenses` licenses from `now` to the term's end:
 * price x licenses x remaining days / days in the term, rounded half up to the minor unit.
 */
export function prorate(
  p: { unitPrice: number; term: Term; termStart: Date; termEnd: Date },
  licenses: number,
  now: Date,
): number {
  const remaining = Math.min(daysLeft(now, p.termEnd), daysIn(p.termStart, p.termEnd));
  return divideRoundHalfUp(
    BigInt(termPrice(p.unitPrice, p.term)) * BigInt(licenses) * BigInt(remaining),
    BigInt(daysIn(p.termStart, p.termEnd)),
  );
}

export interface Totals {
  subtotal: number;
  taxRateBp: number;
  tax: number;
  total: number;
}

/** An invoice's totals: VAT at the billing country's rate added on top. */
export function totalsOf(subtotal: number, taxRateBp: number): Totals {
  const tax = taxOn(subtotal, taxRateBp);
  return { subtotal, taxRateBp, tax, total: subtotal + tax };
}

/** Totals of a tax-inclusive amount (a refund capped at what was paid): the tax is the part inside it. */
export function totalsFromGross(total: number, taxRateBp: number): Totals {
  const tax = divideRoundHalfUp(BigInt(total) * BigInt(taxRateBp), BigInt(10_000 + taxRateBp));
  return { subtotal: total - tax, taxRateBp, tax, total };
}
