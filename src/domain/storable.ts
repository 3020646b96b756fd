// What a client sends (query strings, bodies, cursors) that a schema lets through but PostgreSQL
// cannot store is refused up front, as bad input, rather than failing in a query.

/** Text PostgreSQL can store: no NUL character, and no lone UTF-16 surrogate (jsonb refuses one). */
export const isStorableText = (value: string): boolean => !/[\u0000\p{Cs}]/u.test(value);

// Dates must name a real moment: JavaScript rolls 2020-02-30 over to March 1st and cannot read
// 23:59:60, and PostgreSQL's calendar has no year 0000. Years 0001 to 9999, as RFC 3339 writes them.
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,9})?(Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/i;

/** A calendar day YYYY-MM-DD that exists, in years 0001 to 9999. */
export function isCalendarDay(value: string): boolean {
  const m = DAY.exec(value);
  if (!m || Number(m[1]) < 1) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** An RFC 3339 date-time on an existing day (no leap second), in years 0001 to 9999. */
export function isInstant(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = INSTANT.exec(value);
  return !!m && isCalendarDay(m[1]!) && !Number.isNaN(Date.parse(value));
}
