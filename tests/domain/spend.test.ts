import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lastTwelveMonths, spendSeries } from '../../src/domain/spend.js';

describe('the last twelve months', () => {
  it('end with the current UTC month, across a year end', () => {
    const w = lastTwelveMonths(new Date('2027-01-31T23:59:59.999Z'));
    expect([w.from.toISOString(), w.to.toISOString()]).toEqual([
      '2026-02-01T00:00:00.000Z',
      '2027-02-01T00:00:00.000Z',
    ]);
    expect(w.months).toEqual([
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
      '2027-01',
    ]);
    // midnight UTC of the first starts the new month, whatever the local time zone says
    expect(lastTwelveMonths(new Date('2027-02-01T00:00:00Z')).months.at(-1)).toBe('2027-02');
  });

  it('are twelve consecutive months holding the instant, for any instant', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1971-01-01'), max: new Date('9998-12-31'), noInvalidDate: true }), (now) => {
        const w = lastTwelveMonths(now);
        expect(w.months).toHaveLength(12);
        expect(w.from <= now && now < w.to).toBe(true);
        expect(w.months[0]).toBe(w.from.toISOString().slice(0, 7));
        expect(w.months.at(-1)).toBe(now.toISOString().slice(0, 7));
      }),
    );
  });
});

describe('spend series', () => {
  const months = ['2026-01', '2026-02', '2026-03'];
  it('gives each currency every month, empty ones at zero, and its total; the leading currency even without spend', () => {
    const series = spendSeries(
      months,
      [
        { month: '2026-01', currency: 'USD', amount: 300 },
        { month: '2026-03', currency: 'GBP', amount: -50 },
        { month: '2026-03', currency: 'USD', amount: 200 },
      ],
      'EUR',
    );
    expect(series.map((s) => [s.currency, s.months.map((m) => m.spend.amount), s.total.amount])).toEqual([
      ['EUR', [0, 0, 0], 0],
      ['GBP', [0, 0, -50], -50],
      ['USD', [300, 0, 200], 500],
    ]);
    expect(series[2]!.months[0]).toEqual({ month: '2026-01', spend: { amount: 300, currency: 'USD' } });
  });

  it('without a leading currency, has none but those billed', () => {
    expect(spendSeries(months, [])).toEqual([]);
    expect(spendSeries(months, [{ month: '2026-02', currency: 'GBP', amount: 7 }]).map((s) => s.currency)).toEqual([
      'GBP',
    ]);
  });
});
