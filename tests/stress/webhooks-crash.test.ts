import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestApp, type TestApp } from '../helpers/app.js';
import { buy, VISIO_PLAN_1 } from '../helpers/commerce.js';
import { spawnServer, type ServerProcess } from '../helpers/second-server.js';
import { startWebhookReceiver } from '../helpers/webhook-receiver.js';

// A server process delivers the webhooks of a purchase, an assignment and a cancellation to a
// receiver that refuses the first attempt and never answers the second: the server is killed
// with SIGKILL while that attempt is under way. Restarted, it delivers every event, in order,
// the interrupted one with its webhook-id unchanged. Real clock: leases and retries really run.
// PostgreSQL: the test's database; PGlite: a data directory the server processes share in turn.
let app: TestApp | undefined;
let dataDir: string | undefined;
let server: ServerProcess | undefined;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
const env = (): Record<string, string> => ({
  ...(app?.database.url ? { DATABASE_URL: app.database.url } : { DATABASE_URL: '', SELFSERVE_DATA_DIR: dataDir! }),
  SELFSERVE_TEST_WEBHOOKS: '1',
  SELFSERVE_WEBHOOKS_ALLOW_PRIVATE: 'true',
});

beforeAll(async () => {
  if (process.env.DATABASE_URL) app = await startTestApp();
  else dataDir = mkdtempSync(join(tmpdir(), 'selfserve-webhooks-crash-'));
  receiver = await startWebhookReceiver({ answer: (n) => (n === 1 ? 503 : n === 2 ? 'hang' : 204) });
}, 60_000);
afterAll(async () => {
  await server?.kill('SIGKILL');
  await receiver?.close();
  await app?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('webhooks across a kill -9', () => {
  it('delivers every event at least once, in order per subscription, with the same webhook-id after the crash', async () => {
    server = await spawnServer(env());
    const admin = await signIn(server.url, 'admin@contoso.example');
    const endpoint = await admin.post('/api/admin/webhooks', {
      url: receiver.url,
      events: ['subscription.created', 'license.assigned', 'subscription.canceled'],
    });
    expect(endpoint.status).toBe(201);
    receiver.setSecrets([endpoint.body.secret]);

    const adele = await signIn(server.url, 'adele@contoso.example');
    const megan = (await adele.get('/api/people?search=megan')).body.items[0].id;
    const sub = (await buy(adele, { productId: VISIO_PLAN_1, quantity: 2 })).body;
    expect((await adele.post(`/api/subscriptions/${sub.id}/assignments`, { userIds: [megan] })).status).toBe(200);
    expect((await adele.post(`/api/subscriptions/${sub.id}/cancel`, { reason: 'bought_by_mistake' })).status).toBe(200);

    // refused at once, retried within 10 s, and that attempt never answered: kill -9 now
    await receiver.waitFor(() => receiver.attempts.length >= 2, 20_000);
    expect(receiver.attempts[1]!.receivedAt - receiver.attempts[0]!.receivedAt).toBeLessThan(10_000);
    await server.kill('SIGKILL');

    server = await spawnServer(env());
    await receiver.waitFor(() => new Set(receiver.accepted().map((a) => a.id)).size >= 3, 60_000);

    const firstId = receiver.attempts[0]!.id;
    expect(receiver.attempts.slice(0, 3).map((a) => a.id)).toEqual([firstId, firstId, firstId]);
    expect(receiver.attempts.every((a) => a.verified)).toBe(true);
    const seen = [...new Map(receiver.accepted().map((a) => [a.id, a])).values()];
    expect(seen.map((a) => a.type)).toEqual(['subscription.created', 'license.assigned', 'subscription.canceled']);
    expect(seen.every((a) => (a.data.subscription as { id: string }).id === sub.id)).toBe(true);
  }, 120_000);
});
