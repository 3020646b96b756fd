/**
 * `npm run bench`: seeds a large organization on the PostgreSQL server of DATABASE_URL, starts the
 * portal as a separate process and measures seat changes (HTTP against direct SQL), read
 * latencies, cold start and the web UI's initial JavaScript. Writes bench/results/.
 */
import { cpus, totalmem } from 'node:os';
import { mkdir, readFile, writeFile, rm } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { Pool as HttpPool } from 'undici';
import pg from 'pg';
import { execFileSync } from 'node:child_process';
import { connectPostgres } from '../src/db/database.js';
import { assignSeats, unassignSeats } from '../src/db/license-assignments.js';
import { closedLoop, percentiles } from './lib/stats.js';
import { freePort, processCpuMs, residentMb, startAndWait, stop } from './lib/server.js';
import {
  BENCH_ORG,
  BENCH_SESSION,
  benchDatabaseUrl,
  buyerOf,
  personId,
  seedBenchDatabase,
  subscriptionId,
  tokenOf,
} from './seed.js';
import { lighthousePages } from './lighthouse.js';

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) {
  console.error(
    'npm run bench needs DATABASE_URL (a PostgreSQL server), e.g. postgres://postgres@127.0.0.1:5432/postgres',
  );
  process.exit(2);
}
const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 10) * 1000;
const now = new Date();
// BENCH_ONLY=webhooks: the webhook delivery latency alone, on the database an earlier run seeded
if (process.env.BENCH_ONLY === 'webhooks') {
  await (await import('./webhooks.js')).benchWebhooks(benchDatabaseUrl(serverUrl, 'selfserve_bench'));
  process.exit(0);
}

console.log('seeding 100,000 people, 1,000 subscriptions, 1,000,000 invoices…');
const t0 = performance.now();
const benchUrl = await seedBenchDatabase(serverUrl, 'selfserve_bench', now);
console.log(`  seeded in ${Math.round((performance.now() - t0) / 1000)} s`);

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
// everything `npm start` runs (the server bundle, the web app, the embedded database's template and
// demo directory), built from this checkout as npm install builds it, not compiled on load by tsx
execFileSync('node', ['scripts/build.mjs'], { stdio: 'inherit' });
const { child: server } = await startAndWait(
  ['node', 'dist/server/main.mjs'],
  { DATABASE_URL: benchUrl, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
  `${base}/api/openapi.json`,
);

const http = new HttpPool(base, { connections: 128, pipelining: 1 });
async function call(method: string, path: string, token: string, body?: unknown) {
  const res = await http.request({
    method,
    path,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : null,
  });
  const text = await res.body.text();
  if (res.statusCode >= 400) throw new Error(`${method} ${path} -> ${res.statusCode} ${text.slice(0, 200)}`);
  return text;
}

// ---- seat pairs: assign one person then unassign them -----------------------------------
// client c works on its own people (never licensed elsewhere, all with a usage location)
const personFor = (client: number, i: number) => {
  const n = 20_000 + client * 1_000 + (i % 900);
  return personId(n % 50 === 0 ? n + 1 : n);
};
const subFor = (hot: boolean, clients: number, client: number, i: number) =>
  hot ? 1 : 1 + ((client + i * clients) % 1000);

async function httpPairs(clients: number, hot: boolean) {
  return closedLoop(clients, DURATION_MS, async (c, i) => {
    const s = subFor(hot, clients, c, i);
    const token = tokenOf(buyerOf(s));
    const userIds = [personFor(c, i)];
    await call('POST', `/api/subscriptions/${subscriptionId(s)}/assignments`, token, { userIds });
    await call('POST', `/api/subscriptions/${subscriptionId(s)}/assignments/remove`, token, { userIds });
  });
}

/** The service's own statements (one per seat change) sent straight to PostgreSQL, without HTTP. */
async function directPairs(clients: number, hot: boolean) {
  const db = connectPostgres(benchUrl, clients);
  const result = await closedLoop(clients, DURATION_MS, async (cl, i) => {
    const s = subFor(hot, clients, cl, i);
    const change = {
      orgId: BENCH_ORG,
      subscriptionId: subscriptionId(s),
      personIds: [personFor(cl, i)],
      by: personId(buyerOf(s)),
    };
    const assigned = await assignSeats(db, change, new Date());
    if (assigned.verdict !== 'ok') throw new Error(`assign refused: ${assigned.verdict}`);
    await unassignSeats(db, change, new Date());
  });
  await db.close();
  return result;
}

/**
 * The ceiling: pgbench doing the minimal seat transaction (lock the subscription, insert or delete
 * the assignment; the trigger updates the counter), two transactions per pair, same concurrency.
 */
async function pgbenchPairs(clients: number, hot: boolean) {
  const uuid = (prefix: string, v: string) => `('${prefix}' || lpad(to_hex(${v}::int), 12, '0'))::uuid`;
  const sub = uuid('00000000-0000-4000-b000-', ':s');
  const person = uuid('00000000-0000-4000-9000-', ':p');
  const lock = `SELECT 1 FROM subscriptions WHERE org_id = '${BENCH_ORG}' AND id = ${sub} FOR UPDATE;`;
  const script = [
    hot ? '\\set s 1' : '\\set s random(1, 1000)',
    '\\set p 20000 + :client_id * 1000 + random(0, 899)',
    'BEGIN;',
    lock,
    `INSERT INTO license_assignments (org_id, subscription_id, person_id, product_id, assigned_at)
      SELECT org_id, id, ${person}, product_id, now() FROM subscriptions WHERE org_id = '${BENCH_ORG}' AND id = ${sub};`.replace(
      /\n\s*/g,
      ' ',
    ),
    'END;',
    'BEGIN;',
    lock,
    `DELETE FROM license_assignments WHERE org_id = '${BENCH_ORG}' AND subscription_id = ${sub} AND person_id = ${person};`,
    'END;',
  ].join('\n');
  const file = `/tmp/selfserve-seat-pair-${process.pid}.sql`;
  await writeFile(file, script + '\n');
  const out = execFileSync(
    'pgbench',
    ['-n', '-M', 'prepared', '-c', String(clients), '-j', '2', '-T', String(DURATION_MS / 1000), '-f', file, benchUrl],
    { encoding: 'utf8' },
  );
  await rm(file);
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(out)?.[1];
  if (!tps) throw new Error(`pgbench gave no rate:\n${out}`);
  return { perSecond: Math.round(Number(tps)) };
}

async function checkSeats() {
  const c = new pg.Client({ connectionString: benchUrl });
  await c.connect();
  const { rows } = await c.query(`SELECT count(*)::int AS bad FROM subscriptions s
    WHERE s.assigned > s.quantity OR s.assigned <> (SELECT count(*) FROM license_assignments a WHERE a.org_id = s.org_id AND a.subscription_id = s.id)`);
  await c.end();
  return rows[0].bad as number;
}

// the hot subscription gets room for every client at once
{
  const c = new pg.Client({ connectionString: benchUrl });
  await c.connect();
  await c.query('UPDATE subscriptions SET quantity = 10000 WHERE org_id = $1 AND id = $2', [
    BENCH_ORG,
    subscriptionId(1),
  ]);
  await c.end();
}

const seatCases = [];
for (const [label, clients, hot] of [
  ['16 clients, 1,000 subscriptions', 16, false],
  ['64 clients, 1,000 subscriptions', 64, false],
  ['16 clients, one hot subscription', 16, true],
  ['64 clients, one hot subscription', 64, true],
] as const) {
  console.log(`seat pairs: ${label}`);
  const cpu0 = process.cpuUsage();
  const serverCpu0 = await processCpuMs(server.pid!);
  const wall0 = performance.now();
  const viaHttp = await httpPairs(clients, hot);
  const cpu = process.cpuUsage(cpu0);
  const wall = performance.now() - wall0;
  const clientCpu = Math.round(((cpu.user + cpu.system) / 1000 / wall) * 100);
  // the portal is one Node process: near 100 % of a core, it is what sets the pace
  const serverCpu = Math.round((((await processCpuMs(server.pid!)) - serverCpu0) / wall) * 100);
  // the portal's CPU per request, in milliseconds (two requests per pair)
  const serverCpuMsPerRequest =
    Math.round((((serverCpu / 100) * wall) / (((viaHttp.perSecond * wall) / 1000) * 2)) * 100) / 100;
  const direct = await directPairs(clients, hot);
  const pgbench = await pgbenchPairs(clients, hot);
  const oversold = await checkSeats();
  const ratio = (n: number) => Math.round((viaHttp.perSecond / n) * 100) / 100;
  seatCases.push({
    label,
    clients,
    hot,
    http: viaHttp,
    direct,
    pgbench,
    ratio: ratio(pgbench.perSecond),
    directRatio: ratio(direct.perSecond),
    clientCpuPercent: clientCpu,
    serverCpuPercent: serverCpu,
    serverCpuMsPerRequest,
    oversold,
  });
  console.log(
    `  http ${viaHttp.perSecond}/s (p95 ${viaHttp.p95} ms, errors ${viaHttp.errors}), direct ${direct.perSecond}/s, pgbench ${pgbench.perSecond}/s, ` +
      `HTTP/pgbench ${ratio(pgbench.perSecond)}, HTTP/direct ${ratio(direct.perSecond)}, load client CPU ${clientCpu}% of a core, portal CPU ${serverCpu}% (${serverCpuMsPerRequest} ms a request), oversold ${oversold}`,
  );
}

// ---- read latencies ---------------------------------------------------------------------------
async function latency(label: string, path: string, token: string) {
  for (let i = 0; i < 20; i++) await call('GET', path, token);
  const samples: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    await call('GET', path, token);
    samples.push(performance.now() - t);
  }
  const r = { label, path, ...percentiles(samples) };
  console.log(`  ${label}: p50 ${r.p50} ms, p95 ${r.p95} ms, p99 ${r.p99} ms`);
  return r;
}
const admin = tokenOf(1);
const buyer = tokenOf(buyerOf(1));
const iso = (d: Date) => d.toISOString().slice(0, 10);
const yearAgo = new Date(now.getTime() - 365 * 86_400_000);
console.log('read latencies (sequential, 200 samples after 20 warm-ups)');
const reads = [];
for (const [label, path, token] of [
  ['admin view, first page', '/api/admin/self-service-purchases?limit=50', admin],
  ['admin view, filtered', '/api/admin/self-service-purchases?limit=50&status=active&productId=CFQ7TTC0H9MP', admin],
  ['invoices, last 3 months', '/api/invoices', buyer],
  [
    'invoices, custom range',
    `/api/invoices?from=${iso(yearAgo)}&to=${iso(new Date(yearAgo.getTime() + 180 * 86_400_000))}`,
    buyer,
  ],
  ['directory search, two letters', '/api/people?search=ad&limit=20', admin],
  ['directory search, a surname', '/api/people?search=durand&limit=20', admin],
  ['People page, first page', '/api/people?limit=50', admin],
  ['Webhooks page', '/api/admin/webhooks', admin],
  ['Licenses page', '/api/licenses', buyer],
  ["a subscription's assignments", `/api/subscriptions/${subscriptionId(1)}/assignments?limit=50`, buyer],
] as const) {
  try {
    reads.push(await latency(label, path, token));
  } catch (err) {
    console.log(`  ${label}: failed: ${(err as Error).message}`);
    reads.push({ label, path, error: (err as Error).message });
  }
}
await http.close();
console.log('Lighthouse (desktop) on the web app');
const pages = await lighthousePages(base, `selfserve_session=${BENCH_SESSION}`);
for (const p of pages) console.log(`  ${p.label}: performance ${p.score}, largest contentful paint ${p.lcpMs} ms`);
await stop(server);
// webhook delivery latency, its own table and result file; a failure there does not lose the rest
await (
  await import('./webhooks.js')
)
  .benchWebhooks(benchUrl)
  .catch((err: unknown) => console.log(`  webhooks: failed: ${String(err)}`));

// ---- cold start -----------------------------------------------------------------------------
console.log('cold start of npm start on the embedded database');
const dataDir = `/tmp/selfserve-bench-${process.pid}`;
await rm(dataDir, { recursive: true, force: true });
const coldPort = await freePort();
const coldEnv = {
  DATABASE_URL: '',
  SELFSERVE_DATA_DIR: dataDir,
  PORT: String(coldPort),
  HOST: '127.0.0.1',
  LOG_LEVEL: 'warn',
};
const coldUrl = `http://127.0.0.1:${coldPort}/`;
const first = await startAndWait(['npm', 'start', '--silent'], coldEnv, coldUrl);
await stop(first.child, coldUrl);
const again = await startAndWait(['npm', 'start', '--silent'], coldEnv, coldUrl);
// what the portal holds once it has served a page, on the embedded database and on PostgreSQL
const pgliteMb = await residentMb(again.child.pid!);
await stop(again.child, coldUrl);
const pgPort = await freePort();
const onPostgres = await startAndWait(
  ['npm', 'start', '--silent'],
  { ...coldEnv, DATABASE_URL: benchUrl, PORT: String(pgPort) },
  `http://127.0.0.1:${pgPort}/`,
);
const postgresMb = await residentMb(onPostgres.child.pid!);
await stop(onPostgres.child, `http://127.0.0.1:${pgPort}/`);
console.log(`  resident memory after the first page: ${pgliteMb} MB on PGlite, ${postgresMb} MB on PostgreSQL`);
await rm(dataDir, { recursive: true, force: true });
console.log(`  first start (creates and seeds the database) ${first.ms} ms, restart ${again.ms} ms`);

// ---- initial JavaScript -----------------------------------------------------------------------
const html = await readFile('web/dist/index.html', 'utf8');
const initial = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
let gzipBytes = 0;
for (const file of initial) gzipBytes += gzipSync(await readFile(`web/dist${file}`)).length;
console.log(`initial JavaScript: ${initial.length} files, ${Math.round(gzipBytes / 1024)} kB gzip`);

// ---- results ----------------------------------------------------------------------------------
const pgVersion = await (async () => {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  const v = (await c.query('SHOW server_version')).rows[0].server_version;
  await c.end();
  return v as string;
})();
const results = {
  date: now.toISOString(),
  machine: {
    cores: cpus().length,
    cpu: cpus()[0]?.model,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    postgres: pgVersion,
    node: process.version,
  },
  durationSecondsPerCase: DURATION_MS / 1000,
  seatPairs: seatCases,
  reads,
  coldStartMs: { firstStart: first.ms, restart: again.ms },
  residentMb: { pglite: pgliteMb, postgres: postgresMb },
  lighthouse: pages,
  initialJavaScriptGzipKiB: Math.round(gzipBytes / 1024),
};
const table = [
  `# Benchmark ${results.date}`,
  '',
  `Machine: ${results.machine.cores} cores (${results.machine.cpu}), ${results.machine.memoryGiB} GiB, PostgreSQL ${pgVersion}, Node ${process.version}.`,
  '',
  '| seat pairs | HTTP pairs/s | p50 / p95 / p99 ms | pgbench pairs/s | HTTP / pgbench | direct SQL pairs/s | HTTP / direct | oversold | load client CPU | portal CPU (ms a request) |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ...seatCases.map(
    (c) =>
      `| ${c.label} | ${c.http.perSecond} | ${c.http.p50} / ${c.http.p95} / ${c.http.p99} | ${c.pgbench.perSecond} | ${c.ratio} | ${c.direct.perSecond} | ${c.directRatio} | ${c.oversold} | ${c.clientCpuPercent}% | ${c.serverCpuPercent}% (${c.serverCpuMsPerRequest}) |`,
  ),
  '',
  '| read | p50 ms | p95 ms | p99 ms |',
  '| --- | --- | --- | --- |',
  ...reads.map((r) => ('p50' in r ? `| ${r.label} | ${r.p50} | ${r.p95} | ${r.p99} |` : `| ${r.label} | failed | | |`)),
  '',
  `Cold start (npm start to the first served page): first start ${first.ms} ms, restart ${again.ms} ms.`,
  `Resident memory after the first page: ${pgliteMb} MB on PGlite, ${postgresMb} MB on PostgreSQL.`,
  `Initial JavaScript: ${Math.round(gzipBytes / 1024)} kB gzip.`,
  '',
  '| Lighthouse (desktop) | performance | largest contentful paint |',
  '| --- | --- | --- |',
  ...pages.map((p) => `| ${p.label} | ${p.score} | ${p.lcpMs} ms |`),
].join('\n');
await mkdir('bench/results', { recursive: true });
const stamp = results.date.replace(/[:.]/g, '-');
await writeFile(`bench/results/${stamp}.json`, JSON.stringify(results, null, 2));
await writeFile(`bench/results/${stamp}.md`, table + '\n');
console.log('\n' + table);
process.exit(0);
