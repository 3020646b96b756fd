import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../src/server.js';
import { loadConfig } from '../../src/config.js';
import { ManualClock } from '../../src/domain/clock.js';
import { buildApp } from '../../src/http/app.js';
import { runJobsOnce } from '../../src/services/jobs/run-jobs.js';
import { send, signIn, START } from '../helpers/app.js';
import { createTestDatabase, DEMO_PASSWORD, type TestDatabase } from '../helpers/db.js';

// What Prometheus scrapes, and only with the operator's token.
const engines = process.env.DATABASE_URL ? (['postgres', 'pglite'] as const) : (['pglite'] as const);
const TOKEN = 'metrics-token-for-tests';

/** The value of one sample of the Prometheus text, found by its name and all of its labels. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const m = /^([^{ ]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const found = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((l) => [l[1], l[2]]));
    if (JSON.stringify(Object.entries(found).sort()) === JSON.stringify(Object.entries(labels).sort()))
      return Number(m[3]);
  }
  return undefined;
}

describe.each(engines)('/metrics on %s', (engine) => {
  let database: TestDatabase;
  let server: Awaited<ReturnType<typeof createServer>>;
  let url: string;
  const clock = new ManualClock(START);
  const scrape = async () => {
    const res = await send(`${url}/metrics`, 'GET', undefined, { authorization: `Bearer ${TOKEN}` });
    expect(res.status).toBe(200);
    return res.text;
  };

  beforeAll(async () => {
    database = await createTestDatabase({ engine });
    const config = { ...loadConfig({}), demoPassword: DEMO_PASSWORD, metricsToken: TOKEN, jobsIntervalSeconds: 3600 };
    server = await createServer(config, { db: database.db, clock, demoPurchases: true, runJobs: true });
    url = await server.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await server?.jobs?.stop();
    await server?.app.close();
    await database?.drop();
  });

  it('answers only the bearer of the metrics token', async () => {
    for (const authorization of [undefined, 'Bearer not-the-token', TOKEN, `Basic ${TOKEN}`]) {
      const res = await send(`${url}/metrics`, 'GET', undefined, authorization ? { authorization } : {});
      expect([res.status, res.body.code]).toEqual([401, 'unauthenticated']);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
    const res = await send(`${url}/metrics`, 'GET', undefined, { authorization: `Bearer ${TOKEN}` });
    expect(res.headers.get('content-type')).toContain('text/plain');
    expect(sample(res.text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(sample(res.text, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
  });

  it('times requests by route pattern, method and status class', async () => {
    const megan = await signIn(url, 'megan@contoso.example', DEMO_PASSWORD);
    const [sub] = (await megan.get('/api/subscriptions')).body.items;
    const before = await scrape();
    const count = (text: string, route: string, method: string, statusClass: string) =>
      sample(text, 'http_request_duration_seconds_count', { route, method, status_class: statusClass }) ?? 0;

    await megan.get(`/api/subscriptions/${sub.id}`);
    await megan.get(`/api/subscriptions/${sub.id}`);
    await megan.get('/api/no-such-thing');
    await send(`${url}/api/subscriptions`, 'GET');
    const after = await scrape();
    expect(
      count(after, '/api/subscriptions/:id', 'GET', '2xx') - count(before, '/api/subscriptions/:id', 'GET', '2xx'),
    ).toBe(2);
    expect(count(after, 'unmatched', 'GET', '4xx') - count(before, 'unmatched', 'GET', '4xx')).toBe(1);
    expect(count(after, '/api/subscriptions', 'GET', '4xx') - count(before, '/api/subscriptions', 'GET', '4xx')).toBe(
      1,
    );
    // no label holds an id
    expect(after).not.toContain(sub.id);
  });

  it('shows the connection pool on PostgreSQL', async () => {
    const text = await scrape();
    if (engine === 'pglite') {
      expect(sample(text, 'selfserve_db_pool_connections')).toBeUndefined();
      return;
    }
    expect(sample(text, 'selfserve_db_pool_max_connections')).toBe(10);
    expect(sample(text, 'selfserve_db_pool_connections')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'selfserve_db_pool_idle_connections')).toBeLessThanOrEqual(
      sample(text, 'selfserve_db_pool_connections')!,
    );
    expect(sample(text, 'selfserve_db_pool_waiting_requests')).toBe(0);
  });

  it('shows when the jobs last ran and how long due work has waited', async () => {
    // the runner ran once at start
    await expect
      .poll(async () => sample(await scrape(), 'selfserve_jobs_last_run_timestamp_seconds'))
      .toBe(clock.now().getTime() / 1000);
    expect(sample(await scrape(), 'selfserve_jobs_oldest_due_seconds', { work: 'renewal' })).toBe(0);

    clock.advanceDays(400);
    const [first] = await database.db.query<{ termEnd: Date }>(
      `SELECT min(term_end) AS "termEnd" FROM subscriptions WHERE status IN ('trial', 'active')`,
    );
    const waited = (clock.now().getTime() - first!.termEnd.getTime()) / 1000;
    expect(waited).toBeGreaterThan(0);
    expect(sample(await scrape(), 'selfserve_jobs_oldest_due_seconds', { work: 'renewal' })).toBe(waited);

    await runJobsOnce(server.deps);
    const text = await scrape();
    expect(sample(text, 'selfserve_jobs_oldest_due_seconds', { work: 'renewal' })).toBe(0);
    expect(sample(text, 'selfserve_jobs_oldest_due_seconds', { work: 'pending_charge' })).toBe(0);
  });

  it('is off, 404, when no token is configured', async () => {
    const app = await buildApp({ deps: server.deps });
    const res = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
    await app.close();
    expect([res.statusCode, res.json().code]).toEqual([404, 'not_found']);
  });
});
