import { Type } from 'typebox';
import type { FastifyReply } from 'fastify';
import { toCsv, type Table } from '../domain/csv.js';
import { toXlsx } from '../domain/xlsx.js';
import { readerLocale, type Locale } from '../domain/locale.js';

/** The query of every export route: the file's format and the reader's language. */
export const ExportQuery = {
  format: Type.Optional(
    Type.Union([Type.Literal('csv'), Type.Literal('xlsx')], { description: 'csv (the default) or an Excel workbook' }),
  ),
  lang: Type.Optional(
    Type.Union([Type.Literal('fr'), Type.Literal('en')], {
      description:
        "headers, words and number and date conventions (French CSV: semicolons, decimal commas); else Accept-Language's",
    }),
  ),
};

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const File = (description: string) => ({ schema: { type: 'string', format: 'binary', description } });

/** The answer of every export route, by media type. */
export const ExportFile = Type.Unsafe<Buffer>({
  description: "The table as a file, in the reader's language",
  headers: { 'content-disposition': { type: 'string', description: 'attachment; filename="<table>.csv" (or .xlsx)' } },
  content: {
    'text/csv': File('UTF-8 with a byte order mark; French: semicolons, decimal commas and dd/mm/yyyy dates'),
    [XLSX]: File('an Excel workbook, with format=xlsx'),
  },
});

/** Sends the table as an attachment in the asked format, in the reader's language (lang, else Accept-Language). */
export async function sendTable(
  reply: FastifyReply,
  table: Table,
  query: { format?: 'csv' | 'xlsx' | undefined; lang?: Locale | undefined },
  acceptLanguage: string | undefined,
) {
  const locale = readerLocale(query.lang, acceptLanguage);
  const xlsx = query.format === 'xlsx';
  return reply
    .headers({
      'content-type': xlsx ? XLSX : 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${table.name}.${xlsx ? 'xlsx' : 'csv'}"`,
    })
    .send(xlsx ? await toXlsx(table, locale) : Buffer.from(toCsv(table, locale)));
}
