import type { Term } from './subscription.js';

export const DAY_MS = 86_400_000;
export const MONTHS_IN: Record<Term, number> = { monthly: 1, annual: 12 };

/** Adds calendar months in UTC, keeping the day or the month's last day (Jan 31 + 1 month = Feb 28). */
export function addMonths(date: Date, months: number): Date {
  const d = new Date(date);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return d;
}

export const termEnd = (start: Date, term: Term) => addMonths(start, MONTHS_IN[term]);
export const addDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY_MS);

/** Whole days from a to b, a started day counting as one (what is left of a term). */
export const daysLeft = (from: Date, to: Date) => Math.max(0, Math.ceil((to.getTime() - from.getTime()) / DAY_MS));
/** Days in a term, rounded so that a daylight-saving hour never counts. */
export const daysIn = (start: Date, end: Date) => Math.round((end.getTime() - start.getTime()) / DAY_MS);
