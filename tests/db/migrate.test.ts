import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { connectPostgres } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrate.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.drop());

describe('migrations', () => {
  it('records every numbered file and applies nothing the second time', async () => {
    expect(await migrate(t.db)).toEqual([]);
    const rows = await t.db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
    expect(rows.map((r) => r.name)).toEqual(
      expect.arrayContaining(['001_foundation.sql', '002_commerce.sql', '003_gateway.sql']),
    );
  });

  it('applies once when several processes start at the same time (advisory lock)', async () => {
    // on PGlite there is one process: the second call simply finds everything applied
    const others = t.url ? [connectPostgres(t.url, 1), connectPostgres(t.url, 1), connectPostgres(t.url, 1)] : [t.db];
    await t.db.exec("DELETE FROM schema_migrations WHERE name = '003_gateway.sql'; DROP SCHEMA gateway CASCADE");
    const results = await Promise.all(others.map((db) => migrate(db)));
    expect(results.flat()).toEqual(['003_gateway.sql']);
    if (t.url) await Promise.all(others.map((db) => db.close()));
  });

  it("keeps a card's own columns set: only another way to pay may leave them empty (025)", async () => {
    const card = `INSERT INTO payment_methods (org_id, owner_id, gateway_token, last4, address, created_at, updated_at, method)
      VALUES (gen_random_uuid(), gen_random_uuid(), 'tok', '4242', '{}', now(), now(), 'card')`;
    await expect(t.db.query(card)).rejects.toThrow(/payment_methods_card_columns/);
  });

  it('leads the primary key of every tenant table with org_id, so the schema can be distributed by tenant', async () => {
    const rows = await t.db.query<{ table: string; first: string }>(
      `SELECT c.relname AS table, a.attname AS first
         FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = i.indkey[0]
        WHERE i.indisprimary AND n.nspname = 'public'`,
    );
    // the operator's (catalog, prices, the server's token signing keys), or kept before anyone is
    // known (sign-in attempts by email and address, single sign-on requests in flight)
    const global = new Set([
      'organizations',
      'products',
      'product_prices',
      'product_price_versions',
      'tax_rates',
      'schema_migrations',
      'sign_in_attempts',
      'sso_requests',
      'token_signing_keys',
    ]);
    const tenant = rows.filter((r) => !global.has(r.table));
    expect(tenant.length).toBeGreaterThanOrEqual(14);
    expect(tenant.filter((r) => r.first !== 'org_id').map((r) => r.table)).toEqual([]);
  });
});
