import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { startTestApp, type TestApp, type Client } from '../helpers/app.js';
import { buy } from '../helpers/commerce.js';

// Exports open right in the reader's spreadsheet: French Excel wants UTF-8 with a byte order
// mark, semicolons and decimal commas; or a real workbook (XLSX).
const engines = process.env.DATABASE_URL ? (['postgres', 'pglite'] as const) : (['pglite'] as const);
const BOM = [0xef, 0xbb, 0xbf];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
// The paid invoice's columns, one a line: header and cell in French and in English, the same
// in CSV and in the workbook.
const anInvoiceNumber = expect.stringMatching(/^CON-2026-/);
const INVOICE_COLUMNS = [
  { fr: ['Numéro', anInvoiceNumber], en: ['Number', anInvoiceNumber] },
  { fr: ['Type', 'Facture'], en: ['Type', 'Invoice'] },
  { fr: ["Date d'émission", '02/03/2026'], en: ['Issued', '2026-03-02'] },
  { fr: ['Produit', 'Power BI Pro'], en: ['Product', 'Power BI Pro'] },
  { fr: ['Début de période', '02/03/2026'], en: ['Period start', '2026-03-02'] },
  { fr: ['Fin de période', '02/03/2027'], en: ['Period end', '2027-03-02'] },
  { fr: ['Devise', 'EUR'], en: ['Currency', 'EUR'] },
  { fr: ['Total HT', '493,20'], en: ['Subtotal', '493.20'] },
  { fr: ['TVA', '98,64'], en: ['VAT', '98.64'] },
  { fr: ['Total TTC', '591,84'], en: ['Total', '591.84'] },
  { fr: ['Statut', 'Payée'], en: ['Status', 'Paid'] },
] as const;
const invoiceHeaderIn = (lang: 'fr' | 'en') => INVOICE_COLUMNS.map((c) => c[lang][0]);
const paidInvoiceIn = (lang: 'fr' | 'en') => INVOICE_COLUMNS.map((c) => c[lang][1]);

describe.each(engines)('CSV and XLSX exports on %s', (engine) => {
  let app: TestApp;
  let adele: Client, admin: Client;
  let subscriptionId: string;
  beforeAll(async () => {
    app = await startTestApp({ engine });
    [adele, admin] = await Promise.all([app.signIn('adele@contoso.example'), app.signIn('admin@contoso.example')]);
    subscriptionId = (await buy(adele, { quantity: 3, term: 'annual' })).body.id;
    expect(
      (await adele.post(`/api/subscriptions/${subscriptionId}/assignments`, { userIds: [adele.personId] })).status,
    ).toBe(200);
  });
  afterAll(() => app?.close());

  const download = async (client: Client, path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${app.url}${path}`, { headers: { cookie: client.cookie, ...headers } });
    expect(res.status).toBe(200);
    return {
      type: res.headers.get('content-type'),
      disposition: res.headers.get('content-disposition'),
      bytes: Buffer.from(await res.arrayBuffer()),
    };
  };
  const rowsOf = (bytes: Buffer, delimiter: string) => {
    expect([...bytes.subarray(0, 3)]).toEqual(BOM);
    return parse(bytes, { bom: true, delimiter });
  };

  it('a French CSV of invoices parses with semicolons: French headers, words, dates and decimal commas', async () => {
    const { type, disposition, bytes } = await download(adele, '/api/invoices.csv?lang=fr');
    expect(type).toBe('text/csv; charset=utf-8');
    expect(disposition).toBe('attachment; filename="invoices.csv"');
    const [header, ...rows] = rowsOf(bytes, ';');
    expect(header).toEqual(invoiceHeaderIn('fr'));
    expect(rows).toContainEqual(paidInvoiceIn('fr'));
  });

  it('speaks English with commas and dots, and follows Accept-Language when lang is not given', async () => {
    const [header, ...rows] = rowsOf(
      (await download(adele, '/api/invoices.csv', { 'accept-language': 'en-US,en;q=0.9' })).bytes,
      ',',
    );
    expect(header).toEqual(invoiceHeaderIn('en'));
    expect(rows).toContainEqual(paidInvoiceIn('en'));
    expect(
      rowsOf((await download(adele, '/api/invoices.csv', { 'accept-language': 'fr-FR,fr;q=0.9' })).bytes, ';')[0]![0],
    ).toBe('Numéro');
  });

  it('keeps accents ("Adèle") and neutralizes formulas typed as names, in CSV', async () => {
    await app.deps.db.query(
      `UPDATE people SET display_name = '=HYPERLINK("http://evil.example","Megan")' WHERE email = 'megan@contoso.example'`,
    );
    const megan = (
      await app.deps.db.query<{ id: string }>(`SELECT id FROM people WHERE email = 'megan@contoso.example'`)
    )[0]!.id;
    expect((await adele.post(`/api/subscriptions/${subscriptionId}/assignments`, { userIds: [megan] })).status).toBe(
      200,
    );
    const [header, ...rows] = rowsOf(
      (await download(adele, `/api/subscriptions/${subscriptionId}/assignments.csv?lang=fr`)).bytes,
      ';',
    );
    expect(header).toEqual(['Nom', 'E-mail', "Pays d'utilisation", 'Attribuée le (UTC)', 'Attribuée par']);
    expect(rows).toContainEqual([
      'Adèle Vance',
      'adele@contoso.example',
      'FR',
      expect.stringMatching(/^02\/03\/2026 \d\d:\d\d:\d\d$/),
      'Adèle Vance',
    ]);
    expect(rows.map((r) => r[0])).toContain(`'=HYPERLINK("http://evil.example","Megan")`);
  });

  it('offers each export as an XLSX workbook that reads back with numbers, dates and text', async () => {
    const { type, disposition, bytes } = await download(adele, '/api/invoices.csv?format=xlsx&lang=fr');
    expect(type).toBe(XLSX);
    expect(disposition).toBe('attachment; filename="invoices.xlsx"');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const sheet = book.getWorksheet('invoices')!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...invoiceHeaderIn('fr')]);
    const rows = sheet.getSheetValues().slice(2) as unknown[][];
    const row = rows.find((r) => r[4] === 'Power BI Pro' && r[8] === 493.2)!;
    expect(row.slice(2)).toEqual([
      'Facture',
      new Date('2026-03-02T09:00:00Z'),
      'Power BI Pro',
      new Date('2026-03-02T09:00:00Z'),
      new Date('2027-03-02T09:00:00Z'),
      'EUR',
      493.2,
      98.64,
      591.84,
      'Payée',
    ]);

    const people = new ExcelJS.Workbook();
    await people.xlsx.load(
      (await download(adele, `/api/subscriptions/${subscriptionId}/assignments.csv?format=xlsx&lang=en`))
        .bytes as unknown as ExcelJS.Buffer,
    );
    const names = people.getWorksheet('assignments')!.getColumn(1);
    const values: unknown[] = [];
    names.eachCell((cell) => {
      expect(cell.formula).toBeUndefined();
      values.push(cell.value);
    });
    expect(values).toEqual(
      expect.arrayContaining(['Name', 'Adèle Vance', '=HYPERLINK("http://evil.example","Megan")']),
    );
  });

  it("exports the admin's audit log and users by purchaser in French, as CSV and XLSX", async () => {
    const [header, ...rows] = rowsOf((await download(admin, '/api/admin/audit.csv?lang=fr')).bytes, ';');
    expect(header).toEqual([
      'Date (UTC)',
      'Auteur',
      "E-mail de l'auteur",
      'Action',
      "Type d'objet",
      "Id de l'objet",
      'Détails',
    ]);
    expect(rows).toContainEqual(
      expect.arrayContaining(['Adèle Vance', 'adele@contoso.example', 'subscription.purchased']),
    );
    const users = rowsOf((await download(admin, '/api/admin/self-service-purchases.csv?lang=fr')).bytes, ';');
    expect(users[0]).toEqual([
      'Acheteur',
      "E-mail de l'acheteur",
      'Produit',
      'Utilisateur',
      "E-mail de l'utilisateur",
      'Attribuée le (UTC)',
    ]);
    const xlsx = await download(admin, '/api/admin/audit.csv?format=xlsx&lang=en');
    expect([xlsx.type, xlsx.disposition]).toEqual([XLSX, 'attachment; filename="audit.xlsx"']);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes as unknown as ExcelJS.Buffer);
    expect(book.getWorksheet('audit')!.getCell('A1').value).toBe('At (UTC)');
    expect(book.getWorksheet('audit')!.getCell('A2').value).toBeInstanceOf(Date);
    expect((await admin.get('/api/admin/audit.csv?format=pdf')).status).toBe(400);
  });
});
