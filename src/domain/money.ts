export const CURRENCIES = ['EUR', 'USD', 'GBP'] as const;
export type Currency = (typeof CURRENCIES)[number];

/** An amount in minor units (cents, pence): never a float. */
export interface Money {
  amount: number;
  currency: Currency;
}

export function money(amount: number, currency: Currency): Money {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`amount must be an integer in minor units: ${amount}`);
  return { amount, currency };
}

/**
 * numerator / denominator rounded half up (away from zero for positive values), exactly:
 * the arithmetic stays in BigInt so no intermediate product loses precision.
 */
export function divideRoundHalfUp(numerator: bigint, denominator: bigint): number {
  if (denominator <= 0n) throw new RangeError('denominator must be positive');
  const negative = numerator < 0n;
  const n = negative ? -numerator : numerator;
  const q = (2n * n + denominator) / (2n * denominator);
  return Number(negative ? -q : q);
}

/** Tax on a subtotal at a rate in basis points (2000 = 20 %), rounded half up. */
export function taxOn(subtotal: number, rateBp: number): number {
  return divideRoundHalfUp(BigInt(subtotal) * BigInt(rateBp), 10_000n);
}
