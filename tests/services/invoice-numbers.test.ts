import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { insertInvoice, type NewInvoice } from '../../src/db/invoices.js';

// Invoice numbers are sequential per organization and year without gaps: given in the
// transaction that issues the invoice, given back when it rolls back, never twice at once.
const engines = process.env.DATABASE_URL ? (['postgres', 'pglite'] as const) : (['pglite'] as const);

describe.each(engines)('invoice numbers on %s', (engine) => {
  let database: TestDatabase;
  const orgs: Record<string, { orgId: string; ownerId: string; prefix: string }> = {};
  beforeAll(async () => {
    database = await createTestDatabase({ engine });
    for (const email of ['adele@contoso.example', 'joni@fabrikam.example']) {
      const [row] = await database.db.query<{ orgId: string; ownerId: string; prefix: string }>(
        `SELECT o.id AS "orgId", p.id AS "ownerId", o.invoice_prefix AS prefix FROM people p JOIN organizations o ON o.id = p.org_id WHERE p.email = $1`,
        [email],
      );
      orgs[email.split('@')[1]!.split('.')[0]!] = row!;
    }
  });
  afterAll(() => database?.db && database.drop());

  const invoice = (org: { orgId: string; ownerId: string }, issuedAt: string): NewInvoice => ({
    orgId: org.orgId,
    kind: 'invoice',
    ownerId: org.ownerId,
    subscriptionId: null,
    billingProfileId: null,
    billingSnapshot: { name: 'Test' },
    issuedAt: new Date(issuedAt),
    periodStart: null,
    periodEnd: null,
    currency: 'EUR',
    subtotal: 1000,
    taxRateBp: 2000,
    tax: 200,
    total: 1200,
    status: 'paid',
    payment: null,
    creditedInvoiceId: null,
    lines: [],
  });
  const issue = (org: { orgId: string; ownerId: string; prefix: string }, at = '2026-03-02T09:00:00Z') =>
    database.db.transaction(async (tx) => (await insertInvoice(tx, invoice(org, at), org.prefix)).number);

  it('counts from 1 per organization and per year, with the organization prefix', async () => {
    expect(await issue(orgs.contoso!)).toBe('CON-2026-000001');
    expect(await issue(orgs.contoso!)).toBe('CON-2026-000002');
    expect(await issue(orgs.fabrikam!)).toMatch(/^[A-Z]{3}-2026-000001$/);
    expect(await issue(orgs.contoso!, '2027-01-01T00:00:00Z')).toBe('CON-2027-000001');
    expect(await issue(orgs.contoso!)).toBe('CON-2026-000003');
  });

  it('gives a number back when the transaction issuing it rolls back', async () => {
    const failed = database.db.transaction(async (tx) => {
      await insertInvoice(tx, invoice(orgs.contoso!, '2026-03-02T09:00:00Z'), 'CON');
      throw new Error('the charge was declined');
    });
    await expect(failed).rejects.toThrow('declined');
    expect(await issue(orgs.contoso!)).toBe('CON-2026-000004');
  });

  it('never gives one number twice nor skips one when invoices are issued at once', async () => {
    const numbers = await Promise.all(Array.from({ length: 30 }, () => issue(orgs.contoso!)));
    expect(numbers.sort()).toEqual(Array.from({ length: 30 }, (_, i) => `CON-2026-${String(i + 5).padStart(6, '0')}`));
    const stored = await database.db.query<{ number: string }>(
      `SELECT number FROM invoices WHERE org_id = $1 AND number LIKE 'CON-2026-%' ORDER BY number`,
      [orgs.contoso!.orgId],
    );
    expect(stored.map((r) => r.number)).toEqual(
      Array.from({ length: 34 }, (_, i) => `CON-2026-${String(i + 1).padStart(6, '0')}`),
    );
  });
});
