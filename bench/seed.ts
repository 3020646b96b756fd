import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { connectPostgres } from '../src/db/database.js';
import { migrate } from '../src/db/migrate.js';
import { seedCatalog, seedDemo } from '../src/demo/seed.js';
import { hashSecret } from '../src/services/auth/tokens.js';

export const BENCH_ORG = '00000000-0000-4000-8000-000000000001';
export const personId = (i: number) => `00000000-0000-4000-9000-${i.toString(16).padStart(12, '0')}`;
export const subscriptionId = (s: number) => `00000000-0000-4000-b000-${s.toString(16).padStart(12, '0')}`;
/** Subscription s (1..1000) is bought by person s + 1; person 1 is the admin. */
export const buyerOf = (s: number) => s + 1;
export const tokenOf = (person: number) => `bench_token_${person}`;
/** The session cookie of subscription 1's buyer. */
export const BENCH_SESSION = 'bench_session_of_the_first_buyer';

/** A fresh database with the demo data and the large organization, plus an API token per buyer. */
export async function seedBenchDatabase(serverUrl: string, name: string, now: Date): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = benchDatabaseUrl(serverUrl, name);
  const db = connectPostgres(url, 2);
  await migrate(db);
  await seedCatalog(db);
  await seedDemo(db, 'selfserve-demo');
  const sql = (await readFile(new URL('./sql/seed-large.sql', import.meta.url), 'utf8')).replaceAll(
    ':now',
    `'${now.toISOString()}'`,
  );
  // one statement at a time on one connection (the file holds its own BEGIN and COMMIT): sent as
  // one multi-statement query, the seed ran for many minutes instead of half a minute
  await db.withConnection(async (conn) => {
    for (const statement of sql.split(/;\s*\n/).filter((s) => s.replace(/--[^\n]*/g, '').trim()))
      await conn.exec(statement);
  });
  const people = [1, ...Array.from({ length: 1000 }, (_, s) => buyerOf(s + 1))];
  await db.query(
    `INSERT INTO api_tokens (org_id, person_id, name, token_hash, created_at)
     SELECT $1, t.person_id, 'bench', decode(t.hash, 'hex'), $3 FROM jsonb_to_recordset($2::jsonb) AS t(person_id uuid, hash text)`,
    [
      BENCH_ORG,
      JSON.stringify(people.map((p) => ({ person_id: personId(p), hash: hashSecret(tokenOf(p)).toString('hex') }))),
      now,
    ],
  );
  // a signed-in browser for the page measurements (the bench's people have no password)
  await db.query(
    `INSERT INTO sessions (org_id, person_id, token_hash, csrf_token, created_at, last_seen_at, expires_at)
     VALUES ($1, $2, $3, 'bench', now(), now(), now() + interval '12 hours')`,
    [BENCH_ORG, personId(buyerOf(1)), hashSecret(BENCH_SESSION)],
  );
  await db.close();
  return url;
}

/** The URL of database `name` on the server of `serverUrl`. */
export function benchDatabaseUrl(serverUrl: string, name: string): string {
  const u = new URL(serverUrl);
  u.pathname = '/' + name;
  return u.toString();
}
