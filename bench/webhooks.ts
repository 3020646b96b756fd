/**
 * Webhook delivery latency, from the change (the event's timestamp, taken as the change is made)
 * to its receipt by a receiver on this machine that verifies every signature: one change at a
 * time (a quiet server), then eight clients changing people at once. Its own portal process on
 * the bench database; writes bench/results/webhooks-<date>.json. It can run again on the same
 * database (BENCH_ONLY=webhooks): each run gives the people names of its own, since a rename to
 * the name a person already has changes nothing and sends no event.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import pg from 'pg';
import { startWebhookReceiver } from '../tests/helpers/webhook-receiver.js';
import { percentiles } from './lib/stats.js';
import { freePort, startAndWait, stop } from './lib/server.js';
import { personId, tokenOf } from './seed.js';
import { WEBHOOKS_CHANNEL } from '../src/services/webhooks/dispatcher.js';

const ADMIN = 1;
const SEQUENTIAL = 100;
const CONCURRENT = { clients: 8, changesEach: 50 };

/**
 * Every portal on the database delivers its webhooks: one left running by an earlier bench (or
 * started by hand without SELFSERVE_WEBHOOKS_ALLOW_PRIVATE) would take part in the measurement.
 * Their dispatchers are the sessions that LISTEN on the webhooks channel.
 */
async function refuseOtherPortals(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ at: string }>(
      `SELECT coalesce(host(client_addr), 'local') || ':' || coalesce(client_port, 0) AS at FROM pg_stat_activity
        WHERE datname = current_database() AND query = $1`,
      [`LISTEN ${pg.escapeIdentifier(WEBHOOKS_CHANNEL)}`],
    );
    if (rows.length) {
      throw new Error(
        `another portal delivers this database's webhooks (its connections from ${rows.map((r) => r.at).join(', ')}): stop it first`,
      );
    }
  } finally {
    await client.end();
  }
}

export async function benchWebhooks(databaseUrl: string) {
  await refuseOtherPortals(databaseUrl);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const { child } = await startAndWait(
    ['node', '--import', 'tsx', 'src/main.ts'],
    {
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SELFSERVE_WEBHOOKS_ALLOW_PRIVATE: 'true',
      SELFSERVE_JOBS_INTERVAL: '0',
    },
    `${base}/api/openapi.json`,
  );
  const receiver = await startWebhookReceiver();
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(base + path, {
      method,
      headers: { authorization: `Bearer ${tokenOf(ADMIN)}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : null,
    });
    if (!res.ok) throw new Error(`${method} ${path} -> ${res.status} ${await res.text()}`);
    return res.status === 204 ? undefined : (res.json() as Promise<{ id: string; secret: string }>);
  };
  let endpoint: { id: string; secret: string } | undefined;
  try {
    endpoint = await call('POST', '/api/admin/webhooks', { url: receiver.url, events: ['person.updated'] });
    receiver.setSecrets([endpoint!.secret]);
    const run = Date.now().toString(36);
    const rename = (n: number) =>
      call('PATCH', `/api/people/${personId(n)}`, { displayName: `Bench Person ${n} (${run})` });

    const latencies = (from: number) =>
      receiver
        .accepted()
        .slice(from)
        .map((a) => a.receivedAt - Date.parse(a.timestamp));
    for (let i = 0; i < SEQUENTIAL; i++) {
      await rename(40_000 + i);
      await receiver.waitFor(() => receiver.accepted().length > i);
    }
    const quiet = percentiles(latencies(0));
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENT.clients }, async (_, c) => {
        for (let i = 0; i < CONCURRENT.changesEach; i++) await rename(41_000 + c * 100 + i);
      }),
    );
    const total = SEQUENTIAL + CONCURRENT.clients * CONCURRENT.changesEach;
    await receiver.waitFor(() => receiver.accepted().length >= total, 120_000);
    const busy = {
      ...percentiles(latencies(SEQUENTIAL)),
      eventsPerSecond: Math.round((total - SEQUENTIAL) / ((performance.now() - started) / 1000)),
    };
    const unsigned = receiver.attempts.filter((a) => !a.verified).length;

    const results = { date: new Date().toISOString(), quiet, busy, unsigned };
    const lines = [
      '| webhook delivery, change to receipt | p50 ms | p95 ms | p99 ms | events |',
      '| --- | --- | --- | --- | --- |',
      `| one change at a time | ${quiet.p50} | ${quiet.p95} | ${quiet.p99} | ${quiet.n} |`,
      `| ${CONCURRENT.clients} clients at once (${busy.eventsPerSecond} events/s) | ${busy.p50} | ${busy.p95} | ${busy.p99} | ${busy.n} |`,
      unsigned
        ? `${unsigned} deliveries failed signature verification.`
        : 'Every delivery verified with the standardwebhooks package.',
    ];
    await mkdir('bench/results', { recursive: true });
    await writeFile(
      `bench/results/webhooks-${results.date.replace(/[:.]/g, '-')}.json`,
      JSON.stringify(results, null, 2),
    );
    console.log('\n' + lines.join('\n'));
    return results;
  } finally {
    // a later run on this database must not find this run's endpoint, nor this portal still delivering
    if (endpoint) await call('DELETE', `/api/admin/webhooks/${endpoint.id}`).catch(() => {});
    await receiver.close();
    await stop(child, base);
  }
}
