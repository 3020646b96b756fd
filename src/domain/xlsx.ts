import type { Locale } from './locale.js';
import { cellText, headerText, type Column, type Table } from './csv.js';

const FORMATS: Record<Locale, Partial<Record<Column['type'], string>>> = {
  fr: { money: '#,##0.00', day: 'dd/mm/yyyy', instant: 'dd/mm/yyyy hh:mm:ss', integer: '0' },
  en: { money: '#,##0.00', day: 'yyyy-mm-dd', instant: 'yyyy-mm-dd hh:mm:ss', integer: '0' },
};

/**
 * The table as an Excel workbook: numbers, amounts and dates as real numbers and dates (Excel
 * shows them in its own locale's separators), text as text, which Excel never runs as a formula.
 */
export async function toXlsx(table: Table, locale: Locale): Promise<Buffer> {
  // loaded at the first export, not at every start (a fifth of the server's load time)
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(table.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((c) => {
    const header = headerText(c, locale);
    const numFmt = FORMATS[locale][c.type];
    return { header, width: Math.max(12, header.length + 2), ...(numFmt && { style: { numFmt } }) };
  });
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows) {
    sheet.addRow(
      row.map((value, i) => {
        const column = table.columns[i]!;
        if (value === null) return null;
        switch (column.type) {
          case 'money':
            return Number(value) / 100;
          case 'integer':
            return Number(value);
          case 'day':
          case 'instant':
            return new Date(value);
          case 'text':
            return cellText(column, value, locale);
        }
      }),
    );
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
