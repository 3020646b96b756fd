import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, send, codeOf, type Client, type TestApp } from '../helpers/app.js';
import { buy, VISIO_PLAN_1 } from '../helpers/commerce.js';
import { startWebhookReceiver } from '../helpers/webhook-receiver.js';
import { deliverDueWebhooks, PER_ENDPOINT, RETRY_DELAYS, TIMEOUT_MS } from '../../src/services/webhooks/deliver.js';
import { claimDueMessages } from '../../src/db/webhooks.js';
import type { Queryable } from '../../src/db/database.js';
import { startWebhookDispatcher } from '../../src/services/webhooks/dispatcher.js';

const OPERATOR_TOKEN = 'operator-secret-for-webhook-tests-0123';
const engines = process.env.DATABASE_URL ? (['postgres', 'pglite'] as const) : (['pglite'] as const);

let app: TestApp;
let admin: Client, adele: Client, megan: Client, fabrikam: Client;
type Receiver = Awaited<ReturnType<typeof startWebhookReceiver>>;
let receiver: Receiver;

/** What the dispatcher of a server does, run by the test at the moments it chooses. */
async function deliverAll() {
  while ((await deliverDueWebhooks(app.deps)) > 0);
}
const advanceSeconds = (s: number) => app.clock.set(new Date(app.clock.now().getTime() + s * 1000));
const register = (events: string[], who = admin, url = receiver.url) =>
  who.post('/api/admin/webhooks', { url, events });
/**
 * The shared buffers a claim reads, from EXPLAIN (ANALYZE, BUFFERS) of its statement (run for
 * real: call it when nothing can be claimed).
 */
async function claimCost(): Promise<number> {
  const db = app.deps.db;
  let blocks = -1;
  const explaining = (q: Queryable): Queryable => ({
    exec: (sql) => q.exec(sql),
    async query<T>(sql: string, params?: unknown[]) {
      if (!sql.trimStart().startsWith('WITH')) return q.query<T>(sql, params);
      type Node = { 'Shared Hit Blocks': number; 'Shared Read Blocks': number };
      const [row] = await q.query<{ 'QUERY PLAN': [{ Plan: Node }] }>(
        `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`,
        params,
      );
      const plan = row!['QUERY PLAN'][0].Plan;
      blocks = plan['Shared Hit Blocks'] + plan['Shared Read Blocks'];
      return [];
    },
  });
  const now = app.clock.now();
  await claimDueMessages(
    { ...db, ...explaining(db), transaction: (fn) => db.transaction((tx) => fn(explaining(tx))) },
    now,
    20,
    new Date(now.getTime() + 15_000),
    PER_ENDPOINT,
  );
  return blocks;
}
const colleague = async (email: string) =>
  (await app.deps.db.query<{ id: string }>('SELECT id FROM people WHERE email = $1', [email]))[0]!.id;

/**
 * Contoso's endpoint for `contosoEvents`, which holds every attempt open, and Fabrikam's (the
 * receiver) for person.updated, while `run` starts the servers' dispatchers; the endpoints and
 * dispatchers go after it, and no dispatcher met an error.
 */
async function withSilentContoso(
  contosoEvents: string[],
  run: (silent: Receiver, startDispatcher: () => void) => Promise<void>,
) {
  const silent = await startWebhookReceiver({ answer: () => 'hang' });
  receiver = await startWebhookReceiver();
  const contosos = (await register(contosoEvents, admin, silent.url)).body;
  const fabrikams = (await register(['person.updated'], fabrikam)).body;
  receiver.setSecrets([fabrikams.secret]);
  const errors: unknown[] = [];
  const dispatchers: ReturnType<typeof startWebhookDispatcher>[] = [];
  try {
    await run(silent, () => dispatchers.push(startWebhookDispatcher(app.deps, { onError: (err) => errors.push(err) })));
  } finally {
    await silent.close();
    await Promise.all(dispatchers.map((d) => d.stop()));
    await admin.delete(`/api/admin/webhooks/${contosos.id}`);
    await fabrikam.delete(`/api/admin/webhooks/${fabrikams.id}`);
  }
  expect(errors).toEqual([]);
}

/** Fabrikam renames Joni and its endpoint has the event within half a timeout: nothing held it back. */
async function fabrikamsEventGoesAtOnce(displayName: string) {
  const changed = performance.now();
  await fabrikam.patch(`/api/people/${await colleague('joni@fabrikam.example')}`, { displayName });
  await receiver.waitFor(() => receiver.accepted().length === 1, 2 * TIMEOUT_MS);
  expect(performance.now() - changed).toBeLessThan(TIMEOUT_MS / 2);
}

describe.each(engines)('webhooks on %s', (engine) => {
  beforeAll(async () => {
    app = await startTestApp({
      engine,
      env: { SELFSERVE_WEBHOOKS_ALLOW_PRIVATE: 'true', SELFSERVE_OPERATOR_TOKEN: OPERATOR_TOKEN },
    });
  });
  // sessions expire as the clock moves on by days: each test signs in afresh
  beforeEach(async () => {
    [admin, adele, megan, fabrikam] = (await Promise.all(
      ['admin@contoso.example', 'adele@contoso.example', 'megan@contoso.example', 'admin@fabrikam.example'].map((e) =>
        app.signIn(e),
      ),
    )) as [Client, Client, Client, Client];
  });
  afterAll(() => app?.close());
  afterEach(async () => {
    await receiver?.close();
    await app.deps.db.query('UPDATE webhook_endpoints SET enabled = false');
  });

  it('signs every event of a purchase, an assignment and a cancellation, delivered in order after the receiver failed twice', async () => {
    receiver = await startWebhookReceiver({ answer: (n) => (n <= 2 ? 503 : 204) });
    const created = await register([
      'subscription.created',
      'subscription.canceled',
      'license.assigned',
      'license.unassigned',
      'invoice.issued',
      'invoice.paid',
    ]);
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_/);
    receiver.setSecrets([created.body.secret]);

    const sub = (await buy(adele, { productId: VISIO_PLAN_1, quantity: 3 })).body;
    const nestor = await colleague('megan@contoso.example');
    expect((await adele.post(`/api/subscriptions/${sub.id}/assignments`, { userIds: [nestor] })).status).toBe(200);
    expect((await adele.post(`/api/subscriptions/${sub.id}/cancel`, { reason: 'bought_by_mistake' })).status).toBe(200);

    // the first attempt fails; so does the retry 5 s later (within 10 s); the third gets through
    await deliverAll();
    expect(receiver.attempts).toHaveLength(1);
    advanceSeconds(4);
    await deliverAll();
    expect(receiver.attempts).toHaveLength(1);
    advanceSeconds(1);
    await deliverAll();
    expect(receiver.attempts.length).toBe(2);
    advanceSeconds(RETRY_DELAYS[1]!);
    await deliverAll();

    const ofSub = receiver
      .accepted()
      .filter(
        (a) =>
          (a.data.subscription as { id?: string } | undefined)?.id === sub.id ||
          (a.data.invoice as { subscriptionId?: string } | undefined)?.subscriptionId === sub.id,
      );
    const types = ofSub.map((a) => a.type);
    expect(types.filter((t) => !t.startsWith('invoice.'))).toEqual([
      'subscription.created',
      'license.assigned',
      'subscription.canceled',
    ]);
    expect(types).toContain('invoice.paid');
    // every attempt, refused ones included, carried a valid signature; retries kept the webhook-id
    expect(receiver.attempts.every((a) => a.verified)).toBe(true);
    expect(new Set(receiver.attempts.slice(0, 3).map((a) => a.id)).size).toBe(1);
    const assigned = ofSub.find((a) => a.type === 'license.assigned')!;
    expect(assigned.data.users).toEqual([expect.objectContaining({ id: nestor, email: 'megan@contoso.example' })]);
    expect(ofSub.find((a) => a.type === 'subscription.canceled')!.data.subscription).toMatchObject({
      status: 'disabled',
      autoRenew: false,
    });

    // the delivery log: newest first, with status, latency and the start of the answer
    const log = await admin.get(`/api/admin/webhooks/${created.body.id}/deliveries?limit=100`);
    expect(log.status).toBe(200);
    const first = log.body.items.filter((d: { eventId: string }) => d.eventId === receiver.attempts[0]!.id).reverse();
    expect(first.map((d: { statusCode: number }) => d.statusCode)).toEqual([503, 503, 204]);
    expect(first[0]).toMatchObject({ responseExcerpt: 'receiver says 503', messageStatus: 'delivered' });
    expect(first[0].latencyMs).toBeGreaterThanOrEqual(0);

    // replay: the same event again, with the same webhook-id
    const before = receiver.attempts.length;
    expect(
      (await admin.post(`/api/admin/webhooks/${created.body.id}/deliveries/${receiver.attempts[0]!.id}/replay`)).status,
    ).toBe(202);
    await deliverAll();
    expect(receiver.attempts.slice(before).map((a) => a.id)).toEqual([receiver.attempts[0]!.id]);
  });

  it('holds the events of a subscription behind one that fails, and keeps other subscriptions moving', async () => {
    receiver = await startWebhookReceiver();
    const created = await register(['subscription.created', 'subscription.updated']);
    receiver.setSecrets([created.body.secret]);
    const held = (await buy(adele, { productId: VISIO_PLAN_1, quantity: 2 })).body;
    receiver.setAnswer((_n, id) => (receiver.attempts.filter((a) => a.id === id).length > 1 ? 204 : 500));
    await deliverAll();
    expect((await adele.put(`/api/subscriptions/${held.id}/licenses`, { total: 4 })).status).toBe(200);
    const other = (await buy(megan, { productId: VISIO_PLAN_1, quantity: 1 })).body;
    receiver.setAnswer(() => 204);
    await deliverAll();
    // the update of `held` waits for its creation's retry; the other subscription's event went
    const idOf = (a: { data: Record<string, unknown> }) => (a.data.subscription as { id: string }).id;
    expect(receiver.accepted().map((a) => `${a.type}:${idOf(a) === held.id ? 'held' : 'other'}`)).toEqual([
      'subscription.created:other',
    ]);
    advanceSeconds(5);
    await deliverAll();
    expect(
      receiver
        .accepted()
        .filter((a) => idOf(a) === held.id)
        .map((a) => a.type),
    ).toEqual(['subscription.created', 'subscription.updated']);
    expect(receiver.accepted().find((a) => a.type === 'subscription.updated')!.data.subscription).toMatchObject({
      quantity: 4,
    });
    expect(other.id).not.toBe(held.id);
  });

  it('goes on delivering to other endpoints while one of them does not answer', async () => {
    await withSilentContoso(['person.updated'], async (silent, startDispatcher) => {
      startDispatcher();
      await admin.patch(`/api/people/${await colleague('adele@contoso.example')}`, { displayName: 'Adèle H.' });
      await silent.waitFor(() => silent.attempts.length === 1);
      // Contoso's endpoint holds its attempt open until the timeout; Fabrikam's event does not wait for it
      await fabrikamsEventGoesAtOnce('Joni S.');
      expect(receiver.accepted()[0]).toMatchObject({ type: 'person.updated', verified: true });
    });
  });

  it("keeps at most 8 attempts under way at an endpoint that does not answer: another endpoint's event goes at once", async () => {
    await withSilentContoso(['person.created'], async (silent, startDispatcher) => {
      // 30 people added at Contoso: 30 messages due at its endpoint, which holds every attempt open
      for (let i = 1; i <= 30; i++) {
        expect(
          (await admin.post('/api/people', { displayName: `Temp ${i}`, email: `temp.${i}@contoso.example` })).status,
        ).toBe(201);
      }
      startDispatcher();
      await silent.waitFor(() => silent.attempts.length >= PER_ENDPOINT);
      await fabrikamsEventGoesAtOnce('Joni Sh.');
      // a second server takes none of Contoso's messages either: the limit is the endpoint's
      startDispatcher();
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(silent.attempts).toHaveLength(PER_ENDPOINT);
    });
  });

  it('claims without reading the messages waiting for their retry, behind another of their key, or at an endpoint turned off', async () => {
    receiver = await startWebhookReceiver();
    const down = (await register(['person.updated'])).body;
    const off = (await register(['policy.updated'])).body;
    const empty = await claimCost();
    expect(empty).toBeGreaterThan(0);
    // what an endpoint down for hours leaves (the failed attempts written as the dispatcher
    // writes them): 2,000 people changed, each message waiting for its retry; 2,000 changes of
    // one person, the first waiting for its retry and the others behind it
    const now = app.clock.now();
    await app.deps.db.query(
      `SELECT webhook_enqueue($1, 'person.updated', 'person:backlog-' || i, '{}', $2) FROM generate_series(1, 2000) i`,
      [admin.orgId, now],
    );
    await app.deps.db.query(
      `SELECT webhook_enqueue($1, 'person.updated', 'person:one', '{}', $2) FROM generate_series(1, 2000) i`,
      [admin.orgId, now],
    );
    await app.deps.db.query(
      `UPDATE webhook_messages SET attempts = 3, next_attempt_at = $2
        WHERE endpoint_id = $1 AND (order_key LIKE 'person:backlog-%'
           OR seq = (SELECT min(seq) FROM webhook_messages WHERE endpoint_id = $1 AND order_key = 'person:one'))`,
      [down.id, new Date(now.getTime() + 3_600_000)],
    );
    // and 1,000 due at an endpoint turned off
    await app.deps.db.query(
      `SELECT webhook_enqueue($1, 'policy.updated', 'policy:' || i, '{}', $2) FROM generate_series(1, 1000) i`,
      [admin.orgId, now],
    );
    expect((await admin.patch(`/api/admin/webhooks/${off.id}`, { enabled: false })).status).toBe(200);
    // (as autovacuum leaves it: the retries' old index entries gone)
    await app.deps.db.exec('VACUUM ANALYZE webhook_messages');

    expect(await claimCost()).toBeLessThan(empty + 20);
    await deliverAll();
    expect(receiver.attempts).toEqual([]);
  });

  it('turns an endpoint off after about three days of failures and tells the admins', async () => {
    receiver = await startWebhookReceiver({ answer: () => 500 });
    const created = await register(['person.updated']);
    receiver.setSecrets([created.body.secret]);
    const person = await colleague('megan@contoso.example');
    expect((await admin.patch(`/api/people/${person}`, { displayName: 'Megan B.' })).status).toBe(200);
    const start = app.clock.now().getTime();
    await deliverAll();
    for (const delay of RETRY_DELAYS) {
      advanceSeconds(delay);
      await deliverAll();
    }
    expect(receiver.attempts).toHaveLength(RETRY_DELAYS.length + 1);
    admin = await app.signIn('admin@contoso.example');
    const hours = (app.clock.now().getTime() - start) / 3_600_000;
    expect(hours).toBeGreaterThan(60);
    expect(hours).toBeLessThan(80);
    const [endpoint] = (await admin.get('/api/admin/webhooks')).body.items.filter(
      (e: { id: string }) => e.id === created.body.id,
    );
    expect(endpoint).toMatchObject({ enabled: false, disabledReason: 'failing' });
    const notes = await admin.get('/api/notifications');
    expect(
      notes.body.items.some(
        (n: { kind: string; payload: { url: string } }) =>
          n.kind === 'webhook_disabled' && n.payload.url === receiver.url,
      ),
    ).toBe(true);
    // nothing more is sent while it is off; on again, a replayed event goes out
    advanceSeconds(86_400);
    await deliverAll();
    expect(receiver.attempts).toHaveLength(RETRY_DELAYS.length + 1);
    receiver.setAnswer(() => 204);
    admin = await app.signIn('admin@contoso.example');
    expect((await admin.patch(`/api/admin/webhooks/${created.body.id}`, { enabled: true })).body.enabled).toBe(true);
    await admin.post(`/api/admin/webhooks/${created.body.id}/deliveries/${receiver.attempts[0]!.id}/replay`);
    await deliverAll();
    expect(receiver.accepted()).toHaveLength(1);
  });

  it('signs with the old and the new secret while a rotation overlaps, then with the new one only', async () => {
    receiver = await startWebhookReceiver();
    const created = await register(['person.updated']);
    const rotated = await admin.post(`/api/admin/webhooks/${created.body.id}/rotate-secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(created.body.secret);
    const person = await colleague('adele@contoso.example');
    const change = async (name: string) => {
      expect((await admin.patch(`/api/people/${person}`, { displayName: name })).status).toBe(200);
      await deliverAll();
      return receiver.attempts.at(-1)!;
    };
    receiver.setSecrets([created.body.secret, rotated.body.secret]);
    expect((await change('Adèle V.')).verified).toBe(true);
    advanceSeconds(25 * 3600);
    admin = await app.signIn('admin@contoso.example');
    receiver.setSecrets([rotated.body.secret]);
    expect((await change('Adèle Vance')).verified).toBe(true);
    receiver.setSecrets([created.body.secret]);
    expect((await change('Adèle')).verified).toBe(false);
  });

  it('never reaches a private or loopback address unless the operator allows it, checking the resolved address', async () => {
    receiver = await startWebhookReceiver();
    app.deps.webhooks = { allowPrivate: false };
    try {
      for (const url of [
        'http://127.0.0.1:9/x',
        'http://10.0.0.8/x',
        'http://[::1]/x',
        'http://169.254.169.254/latest',
        'http://localhost:9/x',
      ]) {
        expect(codeOf(await register(['person.updated'], admin, url))).toBe('webhook_url_not_allowed');
      }
      expect(codeOf(await register(['person.updated'], admin, 'ftp://example.com/x'))).toBe('invalid_webhook_url');
      // a name is checked by the address it resolves to, when each message is sent
      app.deps.webhooks = { allowPrivate: true };
      const created = await register(['person.updated'], admin, `http://localhost:${receiver.port}/hooks`);
      expect(created.status).toBe(201);
      app.deps.webhooks = { allowPrivate: false };
      await admin.patch(`/api/people/${await colleague('adele@contoso.example')}`, { displayName: 'Adèle Vance' });
      await deliverAll();
      expect(receiver.attempts).toHaveLength(0);
      const log = await admin.get(`/api/admin/webhooks/${created.body.id}/deliveries`);
      expect(log.body.items[0]).toMatchObject({ statusCode: null, messageStatus: 'pending' });
      expect(log.body.items[0].error).toMatch(/127\.0\.0\.1|::1/);
    } finally {
      app.deps.webhooks = { allowPrivate: true };
    }
  });

  it("is the admin's, per organization; the operator manages any organization's", async () => {
    receiver = await startWebhookReceiver();
    expect(codeOf(await register(['person.updated'], adele))).toBe('admin_only');
    // the events to choose from come from the API, which refuses any other
    const types = (await admin.get('/api/admin/webhooks/event-types')).body.items;
    expect(types).toContain('license.assigned');
    expect(codeOf(await adele.get('/api/admin/webhooks/event-types'))).toBe('admin_only');
    expect(codeOf(await register(['nope.nope']))).toBe('validation_failed');
    const created = await register(['person.updated']);
    expect(codeOf(await fabrikam.delete(`/api/admin/webhooks/${created.body.id}`))).toBe('not_found');
    expect((await fabrikam.get('/api/admin/webhooks')).body.items).toEqual([]);
    // the operator, with its token, for Fabrikam
    const operator = (method: string, path: string, body?: unknown, token = OPERATOR_TOKEN) =>
      send(`${app.url}/api/operator/organizations/${fabrikam.orgId}${path}`, method, body, {
        authorization: `Bearer ${token}`,
      });
    expect((await operator('GET', '/webhooks', undefined, 'wrong')).status).toBe(401);
    const made = await operator('POST', '/webhooks', { url: receiver.url, events: ['person.updated'] });
    expect(made.status).toBe(201);
    expect((await fabrikam.get('/api/admin/webhooks')).body.items.map((e: { id: string }) => e.id)).toEqual([
      made.body.id,
    ]);
    expect((await operator('GET', '/webhooks')).body.items).toHaveLength(1);
    expect((await operator('DELETE', `/webhooks/${created.body.id}`)).status).toBe(404);
    expect(
      (
        await send(
          `${app.url}/api/operator/organizations/00000000-0000-4000-8000-000000000000/webhooks`,
          'GET',
          undefined,
          { authorization: `Bearer ${OPERATOR_TOKEN}` },
        )
      ).status,
    ).toBe(404);
    expect((await operator('DELETE', `/webhooks/${made.body.id}`)).status).toBe(204);
    expect((await admin.delete(`/api/admin/webhooks/${created.body.id}`)).status).toBe(204);
  });
});
