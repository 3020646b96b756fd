/**
 * Webhook delivery latency, from the change (the event's timestamp, taken as the change is made)
 * to its receipt by a receiver on this machine that verifies every signature: one change at a
 * time (a quiet server: the dispatcher's poll shows), then eight clients changing people at once.
 * Its own portal process on the bench database; writes bench/results/webhooks-<date>.json.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { startWebhookReceiver } from '../tests/helpers/webhook-receiver.js';
import { percentiles } from './lib/stats.js';
import { freePort, startAndWait, stop } from './lib/server.js';
import { personId, tokenOf } from './seed.js';

const ADMIN = 1;
const SEQUENTIAL = 100;
const CONCURRENT = { clients: 8, changesEach: 50 };

export async function benchWebhooks(databaseUrl: string) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const { child } = await startAndWait(['node', '--import', 'tsx', 'src/main.ts'], {
    DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', SELFSERVE_WEBHOOKS_ALLOW_PRIVATE: 'true', SELFSERVE_JOBS_INTERVAL: '0',
  }, `${base}/api/openapi.json`);
  const receiver = await startWebhookReceiver();
  const call = async (method: string, path: string, body: unknown) => {
    const res = await fetch(base + path, { method, headers: { authorization: `Bearer ${tokenOf(ADMIN)}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`${method} ${path} -> ${res.status} ${await res.text()}`);
    return res.json() as Promise<{ id: string; secret: string }>;
  };
  const endpoint = await call('POST', '/api/admin/webhooks', { url: receiver.url, events: ['person.updated'] });
  receiver.setSecrets([endpoint.secret]);
  const rename = (n: number, i: number) => call('PATCH', `/api/people/${personId(n)}`, { displayName: `Bench Person ${n} (${i})` });

  const latencies = (from: number) => receiver.accepted().slice(from).map((a) => a.receivedAt - Date.parse(a.timestamp));
  for (let i = 0; i < SEQUENTIAL; i++) {
    await rename(40_000 + i, i);
    await receiver.waitFor(() => receiver.accepted().length > i);
  }
  const quiet = percentiles(latencies(0));
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENT.clients }, async (_, c) => {
    for (let i = 0; i < CONCURRENT.changesEach; i++) await rename(41_000 + c * 100 + i, i);
  }));
  const total = SEQUENTIAL + CONCURRENT.clients * CONCURRENT.changesEach;
  await receiver.waitFor(() => receiver.accepted().length >= total, 120_000);
  const busy = { ...percentiles(latencies(SEQUENTIAL)), eventsPerSecond: Math.round((total - SEQUENTIAL) / ((performance.now() - started) / 1000)) };
  const unsigned = receiver.attempts.filter((a) => !a.verified).length;
  await receiver.close();
  await stop(child, base);

  const results = { date: new Date().toISOString(), quiet, busy, unsigned };
  const lines = [
    '| webhook delivery, change to receipt | p50 ms | p95 ms | p99 ms | events |',
    '| --- | --- | --- | --- | --- |',
    `| one change at a time | ${quiet.p50} | ${quiet.p95} | ${quiet.p99} | ${quiet.n} |`,
    `| ${CONCURRENT.clients} clients at once (${busy.eventsPerSecond} events/s) | ${busy.p50} | ${busy.p95} | ${busy.p99} | ${busy.n} |`,
    unsigned ? `${unsigned} deliveries failed signature verification.` : 'Every delivery verified with the standardwebhooks package.',
  ];
  await mkdir('bench/results', { recursive: true });
  await writeFile(`bench/results/webhooks-${results.date.replace(/[:.]/g, '-')}.json`, JSON.stringify(results, null, 2));
  console.log('\n' + lines.join('\n'));
  return results;
}
