import { describe, expect, it } from 'vitest';
import { divideRoundHalfUp, money, taxOn } from '../../src/domain/money.js';

describe('money', () => {
  it('refuses fractional amounts: money is in minor units', () => {
    expect(() => money(10.5, 'EUR')).toThrow(RangeError);
    expect(money(1050, 'EUR')).toEqual({ amount: 1050, currency: 'EUR' });
  });

  it('rounds half up to the minor unit', () => {
    expect(divideRoundHalfUp(5n, 2n)).toBe(3);
    expect(divideRoundHalfUp(7n, 3n)).toBe(2);
    expect(divideRoundHalfUp(8n, 3n)).toBe(3);
    expect(divideRoundHalfUp(-5n, 2n)).toBe(-3);
    expect(divideRoundHalfUp(0n, 7n)).toBe(0);
  });

  it('stays exact for amounts whose product exceeds 2^53', () => {
    // 10,000 licenses x 36,000 minor units x 366 days
    const n = 10_000n * 36_000n * 366n * 1_000_000n;
    expect(divideRoundHalfUp(n, 1_000_000n)).toBe(131_760_000_000);
  });

  it('computes VAT at a rate in basis points, rounded half up', () => {
    expect(taxOn(16_440, 2000)).toBe(3288);
    expect(taxOn(1, 2000)).toBe(0);
    expect(taxOn(3, 2000)).toBe(1); // 0.6 rounds up
    expect(taxOn(25, 1900)).toBe(5); // 4.75 rounds up
    expect(taxOn(10_000, 0)).toBe(0);
  });
});
