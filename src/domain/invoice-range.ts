import { AppError } from './errors.js';
import { addMonths } from './term.js';
import { isCalendarDay } from './storable.js';

const DAY_MS = 86_400_000;

/**
 * The invoices page's period: from and to are days (YYYY-MM-DD), both included; or the last
 * `months` months (3 by default) up to today. Reversed, or longer than 2 calendar years (the
 * same day two years on is the last one allowed, so "the last 24 months" fits): refused.
 */
export function invoiceRange(
  from: string | undefined,
  to: string | undefined,
  now: Date,
  months = 3,
): { from: Date; to: Date } {
  const day = (s: string, name: string) => {
    // the period's end is the next day's start, so the last day must leave one in year 9999
    if (!isCalendarDay(s) || s >= '9999-12-31') {
      throw new AppError(
        'invalid_date_range',
        `${name} must be a date such as 2026-03-31, from 0001-01-01 to 9999-12-30.`,
      );
    }
    return new Date(`${s}T00:00:00Z`);
  };
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const last = to ? day(to, 'to') : today;
  const end = new Date(last.getTime() + DAY_MS);
  // without a start, the period is the `months` months before its last day
  const start = from ? day(from, 'from') : addMonths(last, -months);
  if (start >= end) throw new AppError('invalid_date_range', 'The start of the period must come before its end.');
  if (end.getTime() - DAY_MS > addMonths(start, 24).getTime())
    throw new AppError('invalid_date_range', 'A period is at most 2 years long.');
  return { from: start, to: end };
}
