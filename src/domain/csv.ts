import { stringify } from 'csv-stringify/sync';
import { decimalText, type Locale } from './locale.js';

/** What a column holds, so each format writes it as its readers expect. */
export type ColumnType = 'text' | 'integer' | 'money' | 'day' | 'instant';

export interface Column {
  header: Record<Locale, string>;
  type: ColumnType;
  /** words for the values of a text column that holds codes (paid, credit_note, ...) */
  labels?: Record<Locale, Record<string, string>>;
}

/** An export: columns and rows of raw values (money in minor units, instants as Date or ISO strings). */
export interface Table {
  /** the file name without extension, and the worksheet's name */
  name: string;
  columns: Column[];
  rows: (string | number | Date | null)[][];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A day or an instant as text: 02/03/2026 (14:05:00 UTC) in French, 2026-03-02 (14:05:00) in English, as Excel reads them in each. */
function dateText(value: Date, type: 'day' | 'instant', locale: Locale): string {
  const [y, m, d] = [value.getUTCFullYear(), pad(value.getUTCMonth() + 1), pad(value.getUTCDate())];
  const day = locale === 'fr' ? `${d}/${m}/${y}` : `${y}-${m}-${d}`;
  return type === 'day'
    ? day
    : `${day} ${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}`;
}

/** A cell as the reader's spreadsheet should read it, or the text a person typed. */
export function cellText(column: Column, value: string | number | Date | null, locale: Locale): string {
  if (value === null) return '';
  switch (column.type) {
    case 'money':
      return decimalText(Number(value), locale);
    case 'integer':
      return String(value);
    case 'day':
    case 'instant':
      return dateText(new Date(value), column.type, locale);
    case 'text':
      return column.labels?.[locale][String(value)] ?? String(value);
  }
}

/** The column's header in the reader's language; dates say they are UTC. */
export const headerText = (column: Column, locale: Locale) =>
  column.header[locale] + (column.type === 'instant' ? ' (UTC)' : '');

/**
 * The table as CSV for the reader's spreadsheet: UTF-8 with a byte order mark (or Excel reads
 * "Adèle" as "AdÃ¨le"), semicolons and decimal commas in French, commas and dots in English.
 * A text cell starting with = + - @ (or a tab or carriage return) is prefixed with ' so that
 * a spreadsheet never runs a name someone typed as a formula (CSV injection).
 */
export function toCsv(table: Table, locale: Locale): string {
  const rows = table.rows.map((row) =>
    row.map((value, i) => {
      const column = table.columns[i]!;
      const text = cellText(column, value, locale);
      return column.type === 'text' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
    }),
  );
  return stringify([table.columns.map((c) => headerText(c, locale)), ...rows], {
    bom: true,
    delimiter: locale === 'fr' ? ';' : ',',
    record_delimiter: 'windows',
  });
}
