import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addMonths, daysLeft, termEnd } from '../../src/domain/term.js';
import { prorate, termPrice, totalsFromGross, totalsOf } from '../../src/domain/pricing.js';
import { nextStep, withinRefundWindow, type LifecycleState } from '../../src/domain/lifecycle.js';

const d = (s: string) => new Date(s);

describe('terms', () => {
  it('adds calendar months, keeping the last day of shorter months', () => {
    expect(addMonths(d('2026-01-31T10:00:00Z'), 1).toISOString()).toBe('2026-02-28T10:00:00.000Z');
    expect(addMonths(d('2028-01-31T10:00:00Z'), 1).toISOString()).toBe('2028-02-29T10:00:00.000Z');
    expect(termEnd(d('2026-03-02T09:00:00Z'), 'annual').toISOString()).toBe('2027-03-02T09:00:00.000Z');
    expect(termEnd(d('2026-12-15T00:00:00Z'), 'monthly').toISOString()).toBe('2027-01-15T00:00:00.000Z');
  });

  it('counts a started day as left', () => {
    expect(daysLeft(d('2026-03-12T09:00:00Z'), d('2026-04-02T09:00:00Z'))).toBe(21);
    expect(daysLeft(d('2026-03-12T10:00:00Z'), d('2026-04-02T09:00:00Z'))).toBe(21);
    expect(daysLeft(d('2026-04-03T00:00:00Z'), d('2026-04-02T09:00:00Z'))).toBe(0);
  });
});

describe('pricing', () => {
  const term = {
    unitPrice: 1644,
    term: 'monthly' as const,
    termStart: d('2026-03-02T09:00:00Z'),
    termEnd: d('2026-04-02T09:00:00Z'),
  };

  it('prorates price x licenses x remaining days / days in the term, half up', () => {
    expect(prorate(term, 5, d('2026-03-12T09:00:00Z'))).toBe(5568); // 8220 x 21 / 31 = 5568.39
    expect(prorate(term, 1, term.termStart)).toBe(1644);
    expect(prorate(term, 3, term.termEnd)).toBe(0);
    expect(prorate({ ...term, unitPrice: 31 }, 1, d('2026-03-02T21:00:00Z'))).toBe(31);
    // 1 x 16.44 x 15 / 31 = 7.9548 -> 7.95 ; x 16 / 31 = 8.4851 -> 8.49
    expect(prorate(term, 1, d('2026-03-18T09:00:00Z'))).toBe(795);
    expect(prorate(term, 1, d('2026-03-17T09:00:00Z'))).toBe(849);
    expect(termPrice(1370, 'annual')).toBe(16440);
  });

  it('never charges more than the whole term nor less than nothing', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: -40, max: 40 }),
        (price, n, day) => {
          const amount = prorate(
            { ...term, unitPrice: price },
            n,
            new Date(term.termStart.getTime() + day * 86_400_000),
          );
          return Number.isInteger(amount) && amount >= 0 && amount <= price * n;
        },
      ),
    );
  });

  it('adds VAT on top, and finds it inside a capped refund', () => {
    expect(totalsOf(49320, 2000)).toEqual({ subtotal: 49320, taxRateBp: 2000, tax: 9864, total: 59184 });
    expect(totalsOf(16440, 1900)).toEqual({ subtotal: 16440, taxRateBp: 1900, tax: 3124, total: 19564 });
    expect(totalsFromGross(59184, 2000)).toEqual({ subtotal: 49320, taxRateBp: 2000, tax: 9864, total: 59184 });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 2700 }), (total, rate) => {
        const t = totalsFromGross(total, rate);
        return t.subtotal + t.tax === total && t.subtotal >= 0;
      }),
    );
  });
});

describe('lifecycle', () => {
  const base: LifecycleState = {
    status: 'active',
    termEnd: d('2026-04-02T09:00:00Z'),
    autoRenew: true,
    startedAsTrial: false,
    hasPaymentMethod: true,
    statusChangedAt: d('2026-03-02T09:00:00Z'),
  };
  it('renews at the term end with auto-renew and a card, otherwise expires', () => {
    expect(nextStep(base, d('2026-04-02T08:59:59Z'))).toBe('none');
    expect(nextStep(base, d('2026-04-02T09:00:00Z'))).toBe('renew');
    expect(nextStep({ ...base, autoRenew: false }, d('2026-04-02T09:00:00Z'))).toBe('expire');
    expect(nextStep({ ...base, status: 'trial', hasPaymentMethod: false }, d('2026-04-02T09:00:00Z'))).toBe('expire');
  });
  it('retries while Expired, disables after 30 days, deletes 90 days later', () => {
    const expired = { ...base, status: 'expired' as const, statusChangedAt: d('2026-04-02T09:00:00Z') };
    expect(nextStep(expired, d('2026-04-20T00:00:00Z'))).toBe('retry');
    expect(nextStep({ ...expired, autoRenew: false }, d('2026-04-20T00:00:00Z'))).toBe('none');
    expect(nextStep(expired, d('2026-05-02T09:00:00Z'))).toBe('disable');
    const disabled = { ...base, status: 'disabled' as const, statusChangedAt: d('2026-05-02T09:00:00Z') };
    expect(nextStep(disabled, d('2026-07-31T08:59:59Z'))).toBe('none');
    expect(nextStep(disabled, d('2026-07-31T09:00:00Z'))).toBe('delete');
    expect(nextStep({ ...base, status: 'deleted' }, d('2030-01-01T00:00:00Z'))).toBe('none');
  });
  it('refunds within 7 days of the term start', () => {
    expect(withinRefundWindow(d('2026-03-02T09:00:00Z'), d('2026-03-09T08:59:59Z'))).toBe(true);
    expect(withinRefundWindow(d('2026-03-02T09:00:00Z'), d('2026-03-09T09:00:00Z'))).toBe(false);
  });
});
