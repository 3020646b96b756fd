import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitRefund } from '../../src/domain/refunds.js';

describe('splitRefund', () => {
  it('takes from the newest charge first, then the older ones, never more than each has left', () => {
    const parts = splitRefund(1500, [
      { id: 'raise', refundable: 600 },
      { id: 'purchase', refundable: 1200 },
    ]);
    expect(parts.map((p) => [p.source.id, p.amount])).toEqual([
      ['raise', 600],
      ['purchase', 900],
    ]);
  });

  it('gives back exactly what is asked when the charges hold it, and never more than they hold', () => {
    fc.assert(
      fc.property(fc.nat(100_000), fc.array(fc.nat(50_000), { maxLength: 6 }), (amount, left) => {
        const parts = splitRefund(
          amount,
          left.map((refundable) => ({ refundable })),
        );
        const total = parts.reduce((n, p) => n + p.amount, 0);
        expect(total).toBe(
          Math.min(
            amount,
            left.reduce((n, r) => n + r, 0),
          ),
        );
        for (const p of parts) expect(p.amount).toBeGreaterThan(0);
        for (const p of parts) expect(p.amount).toBeLessThanOrEqual(p.source.refundable);
      }),
    );
  });
});
