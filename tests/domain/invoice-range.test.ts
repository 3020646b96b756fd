import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { invoiceRange } from '../../src/domain/invoice-range.js';
import { AppError } from '../../src/domain/errors.js';
import { statusOf } from '../../src/http/errors.js';

const NOW = new Date('2026-03-02T09:00:00Z');
const iso = (r: { from: Date; to: Date }) => [r.from.toISOString().slice(0, 10), r.to.toISOString().slice(0, 10)];
const codeOf = (f: () => unknown) => {
  try {
    f();
    return 'ok';
  } catch (e) {
    return e instanceof AppError ? `${statusOf(e.code)} ${e.code}` : String(e);
  }
};

describe('the invoices period', () => {
  it('is the last 3 months up to today (included) by default, or the last n months', () => {
    expect(iso(invoiceRange(undefined, undefined, NOW))).toEqual(['2025-12-02', '2026-03-03']);
    expect(iso(invoiceRange(undefined, undefined, NOW, 6))).toEqual(['2025-09-02', '2026-03-03']);
    expect(iso(invoiceRange(undefined, undefined, new Date('2026-05-31T23:00:00Z')))).toEqual([
      '2026-02-28',
      '2026-06-01',
    ]);
  });

  it('includes both days of a chosen range; a range with only an end is the 3 months before it', () => {
    expect(iso(invoiceRange('2026-01-01', '2026-01-31', NOW))).toEqual(['2026-01-01', '2026-02-01']);
    expect(iso(invoiceRange('2026-03-02', '2026-03-02', NOW))).toEqual(['2026-03-02', '2026-03-03']);
    expect(iso(invoiceRange(undefined, '2025-06-30', NOW))).toEqual(['2025-03-30', '2025-07-01']);
    expect(iso(invoiceRange('2026-01-15', undefined, NOW))).toEqual(['2026-01-15', '2026-03-03']);
  });

  it('is at most 2 years: the same day two years on is the last allowed', () => {
    expect(iso(invoiceRange('2024-03-02', '2026-03-02', NOW))).toEqual(['2024-03-02', '2026-03-03']);
    expect(codeOf(() => invoiceRange('2024-03-01', '2026-03-02', NOW))).toBe('400 invalid_date_range');
    expect(codeOf(() => invoiceRange(undefined, undefined, NOW, 24))).toBe('ok');
  });

  it('refuses a reversed range and days that do not exist', () => {
    for (const [from, to] of [
      ['2026-03-10', '2026-03-01'],
      ['2026-02-30', undefined],
      [undefined, '2026-13-01'],
      ['2026-3-1', undefined],
      ['yesterday', undefined],
      // PostgreSQL's calendar has no year 0, and a period must end within year 9999
      ['0000-01-01', '0000-12-31'],
      [undefined, '9999-12-31'],
      ['9999-01-01', '9999-12-31'],
    ]) {
      expect(
        codeOf(() => invoiceRange(from, to, NOW)),
        `${from}..${to}`,
      ).toBe('400 invalid_date_range');
    }
  });

  it('for any two days, either gives [from, to + 1 day) of at most 2 years or refuses with invalid_date_range', () => {
    const day = fc
      .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    // the end near the start, around the 2-year limit, or anywhere
    const to = (from: string) =>
      fc.oneof(
        fc
          .integer({ min: -40, max: 800 })
          .map((n) => new Date(Date.parse(`${from}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)),
        day,
      );
    fc.assert(
      fc.property(
        day.chain((from) => fc.tuple(fc.constant(from), to(from))),
        ([from, to]) => {
          const outcome = codeOf(() => invoiceRange(from, to, NOW));
          const fits =
            from <= to &&
            new Date(`${to}T00:00:00Z`) <= new Date(`${Number(from.slice(0, 4)) + 2}${from.slice(4)}T00:00:00Z`);
          if (from.endsWith('02-29')) return outcome === 'ok' || outcome === '400 invalid_date_range';
          expect(outcome).toBe(fits ? 'ok' : '400 invalid_date_range');
          if (fits) expect(iso(invoiceRange(from, to, NOW))[0]).toBe(from);
        },
      ),
    );
  });
});
