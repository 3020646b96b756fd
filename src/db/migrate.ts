import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Database, Queryable } from './database.js';

// from two levels down, as for src/db and for the bundle `npm start` runs (dist/server/main.mjs)
const MIGRATIONS_DIR = fileURLToPath(new URL('../../src/db/migrations/', import.meta.url));
// any constant: it only has to be the same in every process
const MIGRATION_LOCK = 7_305_001;

/**
 * Applies the numbered SQL files not yet recorded, all in one transaction. An advisory lock
 * makes two processes starting at once apply them one after the other, not twice.
 */
export async function migrate(db: Database): Promise<string[]> {
  const files = await migrationFiles();
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set((await tx.query<{ name: string }>('SELECT name FROM schema_migrations')).map((r) => r.name));
    const applied: string[] = [];
    for (const file of files) {
      if (done.has(file)) continue;
      const sql = await readFile(MIGRATIONS_DIR + file, 'utf8');
      await tx.exec(sql);
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [file]);
      applied.push(file);
    }
    return applied;
  });
}

/** The migrations not applied to this database (all of them when it has none yet). */
export async function pendingMigrations(db: Queryable): Promise<string[]> {
  const [table] = await db.query<{ exists: boolean }>(`SELECT to_regclass('schema_migrations') IS NOT NULL AS exists`);
  const done = table?.exists ? await db.query<{ name: string }>('SELECT name FROM schema_migrations') : [];
  const applied = new Set(done.map((r) => r.name));
  return (await migrationFiles()).filter((f) => !applied.has(f));
}

async function migrationFiles(): Promise<string[]> {
  return (await readdir(MIGRATIONS_DIR)).filter((f) => /^\d{3}_.+\.sql$/.test(f)).sort();
}
