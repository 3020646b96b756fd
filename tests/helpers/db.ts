import { randomBytes } from 'node:crypto';
import { connectPostgres, openPglite, type Database } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrate.js';
import { readPgliteTemplate } from '../../src/db/pglite-template.js';
import { seedCatalog, seedDemo } from '../../src/demo/seed.js';
import { inject } from 'vitest';

export const DEMO_PASSWORD = 'selfserve-demo';

export function adminUrl(url: string) {
  const u = new URL(url);
  u.pathname = '/postgres';
  return u.toString();
}

export interface TestDatabase {
  db: Database;
  /** a connection string for other processes (PostgreSQL only) */
  url?: string;
  drop(): Promise<void>;
}

/**
 * A fresh database with the schema and the demo data: a copy of the template on the
 * PostgreSQL server when DATABASE_URL is set, else an in-memory PGlite (or when forced).
 */
export async function createTestDatabase(
  opts: { engine?: 'pglite' | 'postgres' | undefined } = {},
): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  const engine = opts.engine ?? (serverUrl ? 'postgres' : 'pglite');
  if (engine === 'pglite') {
    const db = await openPglite(undefined, { template: await readPgliteTemplate() });
    await migrate(db);
    await seedCatalog(db);
    await seedDemo(db, DEMO_PASSWORD);
    return { db, drop: () => db.close() };
  }
  if (!serverUrl) throw new Error('DATABASE_URL is required for a PostgreSQL test database');
  const name = `selfserve_test_${randomBytes(6).toString('hex')}`;
  const admin = connectPostgres(adminUrl(serverUrl), 1);
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('templateDb')}`);
  await admin.close();
  const u = new URL(serverUrl);
  u.pathname = '/' + name;
  const db = connectPostgres(u.toString(), 10);
  return {
    db,
    url: u.toString(),
    async drop() {
      await db.close();
      const a = connectPostgres(adminUrl(serverUrl), 1);
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.close();
    },
  };
}
