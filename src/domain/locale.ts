import type { Currency } from './money.js';

/** The languages people read Selfserve in. */
export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const TAGS: Record<Locale, string> = { fr: 'fr-FR', en: 'en-US' };

/** The reader's language: the app's explicit choice first, else the browser's Accept-Language, else English. */
export function readerLocale(lang: string | undefined, acceptLanguage: string | undefined): Locale {
  if (lang === 'fr' || lang === 'en') return lang;
  const first = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', q = 'q=1'] = part.trim().split(';');
      return { tag: tag.toLowerCase(), q: Number(q.split('=')[1] ?? 1) };
    })
    .filter((p) => /^(fr|en)\b/.test(p.tag))
    .sort((a, b) => b.q - a.q)[0];
  return first?.tag.startsWith('fr') ? 'fr' : 'en';
}

/** A person's language when they have chosen none: French in a French organization. */
export const defaultLocaleFor = (country: string): Locale => (country === 'FR' ? 'fr' : 'en');

/**
 * An amount for people to read: "16 440,00 €" in French, with narrow no-break spaces (U+202F)
 * between the digit groups and before the currency, so that a line never breaks inside it.
 */
export function formatMoney(minor: number, currency: Currency, locale: Locale): string {
  const text = new Intl.NumberFormat(TAGS[locale], { style: 'currency', currency }).format(minor / 100);
  return locale === 'fr' ? text.replace(/[\u00a0 ]/g, '\u202f') : text;
}

/** A percentage from basis points: "20 %" / "20%", "8,1 %" / "8.1%". */
export function formatRate(bp: number, locale: Locale): string {
  return new Intl.NumberFormat(TAGS[locale], { style: 'percent', maximumFractionDigits: 2 })
    .format(bp / 10_000)
    .replace(/[\u00a0 ]/g, '\u202f');
}

/** A calendar day, as a person reads it: "2 mars 2026" / "March 2, 2026" (UTC, the day of the books). */
export function formatDay(at: Date | string, locale: Locale): string {
  return new Intl.DateTimeFormat(TAGS[locale], { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(at));
}

/** An amount as a spreadsheet reads a number: "16440,00" in French, "16440.00" in English (no grouping). */
export function decimalText(minor: number, locale: Locale): string {
  const text = (minor / 100).toFixed(2);
  return locale === 'fr' ? text.replace('.', ',') : text;
}
