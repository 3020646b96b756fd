import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, START, startTestApp, type TestApp } from '../helpers/app.js';
import { purchase } from '../helpers/commerce.js';
import { spawnServer, type ServerProcess } from '../helpers/second-server.js';
import { openPglite, type Database } from '../../src/db/database.js';

// kill -9 a server in the middle of purchases and seat changes, restart it, and check that
// nothing acknowledged is lost, nothing is left pending, nobody is charged twice and the
// gateway's records agree with ours. PostgreSQL: the test's database; PGlite: a data directory.
const PURCHASES = process.env.SELFSERVE_SOAK ? 120 : 40;
let app: TestApp | undefined;
let dataDir: string | undefined;
let server: ServerProcess;
const env = (): Record<string, string> =>
  app?.database.url ? { DATABASE_URL: app.database.url } : { DATABASE_URL: '', SELFSERVE_DATA_DIR: dataDir! };

beforeAll(async () => {
  if (process.env.DATABASE_URL) app = await startTestApp();
  else dataDir = mkdtempSync(join(tmpdir(), 'selfserve-crash-'));
  server = await spawnServer({ ...env(), SELFSERVE_TEST_NOW: START });
}, 60_000);
afterAll(async () => {
  await server?.kill();
  await app?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('a crash in the middle of the load', () => {
  it('loses no acknowledged write, leaves no charge pending and charges nobody twice', async () => {
    const buyers = await Promise.all(
      ['adele@contoso.example', 'megan@contoso.example'].map((e) => signIn(server.url, e)),
    );
    const keys = Array.from({ length: PURCHASES }, () => randomUUID());
    const acknowledged = new Map<string, string>(); // key -> subscription id
    const load = keys.map(async (key, i) => {
      await new Promise((r) => setTimeout(r, i * 8));
      try {
        const res = await buyers[i % 2]!.post(
          '/api/subscriptions',
          purchase({ quantity: 1 + (i % 5), productId: 'CFQ7TTC0HD33' }),
          { 'idempotency-key': key },
        );
        if (res.status === 201) acknowledged.set(key, res.body.id);
      } catch {
        // the connection died with the server: unacknowledged
      }
    });
    // kill -9 once a quarter of the purchases are acknowledged: the rest are in flight or not sent
    for (let waited = 0; acknowledged.size < PURCHASES / 4 && waited < 20_000; waited += 5)
      await new Promise((r) => setTimeout(r, 5));
    await server.kill('SIGKILL');
    await Promise.all(load);
    expect(acknowledged.size).toBeLessThan(PURCHASES);

    // restart (two minutes later): pending charges are reconciled before the first request; then
    // every buyer retries with the same key
    server = await spawnServer({
      ...env(),
      SELFSERVE_TEST_NOW: new Date(Date.parse(START) + 120_000).toISOString(),
      SELFSERVE_RECONCILE_ALL: '1',
    });
    const again = await Promise.all(
      ['adele@contoso.example', 'megan@contoso.example'].map((e) => signIn(server.url, e)),
    );
    const retried = await Promise.all(
      keys.map((key, i) =>
        again[i % 2]!.post('/api/subscriptions', purchase({ quantity: 1 + (i % 5), productId: 'CFQ7TTC0HD33' }), {
          'idempotency-key': key,
        }),
      ),
    );
    retried.forEach((res, i) => {
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const first = acknowledged.get(keys[i]!);
      if (first) expect(res.body.id).toBe(first);
    });
    await server.kill();

    const db: Database = app ? app.deps.db : await openPglite(dataDir);
    try {
      const [counts] = await db.query<{
        pending: number;
        subs: number;
        ours: number;
        theirs: number;
        mismatched: number;
      }>(
        `SELECT (SELECT count(*)::int FROM charges WHERE status = 'pending') AS pending,
                (SELECT count(*)::int FROM subscriptions WHERE product_id = 'CFQ7TTC0HD33') AS subs,
                (SELECT count(*)::int FROM charges WHERE status = 'succeeded' AND kind = 'charge') AS ours,
                (SELECT count(*)::int FROM gateway.charges WHERE status = 'succeeded' AND kind = 'charge') AS theirs,
                (SELECT count(*)::int FROM gateway.charges g FULL JOIN charges c ON c.idempotency_key = g.idempotency_key
                  WHERE g.kind = 'charge' AND (c.id IS NULL OR g.id IS NULL OR c.status <> g.status OR c.amount <> g.amount)) AS mismatched`,
      );
      expect(counts).toEqual({ pending: 0, subs: PURCHASES, ours: PURCHASES, theirs: PURCHASES, mismatched: 0 });
      const ids = new Set(retried.map((r) => r.body.id));
      expect(ids.size).toBe(PURCHASES);
      console.log(
        `crash: killed with ${acknowledged.size}/${PURCHASES} purchases acknowledged; after restart and retries ${counts!.subs} subscriptions, ${counts!.ours} charges (gateway ${counts!.theirs}), 0 pending, 0 mismatched`,
      );
    } finally {
      if (!app) await db.close();
    }
  }, 120_000);
});
