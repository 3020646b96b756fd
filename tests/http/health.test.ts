import { createServer as createTcpServer, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, send, type TestApp } from '../helpers/app.js';
import { connectPostgres } from '../../src/db/database.js';
import { systemClock } from '../../src/domain/clock.js';
import { SandboxGateway } from '../../src/gateway/sandbox.js';
import { buildApp } from '../../src/http/app.js';
import { loadConfig } from '../../src/config.js';

// What a load balancer or an orchestrator asks: is the process alive, can it serve requests.
const engines = process.env.DATABASE_URL ? (['postgres', 'pglite'] as const) : (['pglite'] as const);

describe.each(engines)('health probes on %s', (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ engine });
  });
  afterAll(() => app?.close());

  it('answers liveness and readiness without credentials', async () => {
    const live = await send(`${app.url}/healthz`, 'GET');
    expect([live.status, live.body]).toEqual([200, { status: 'ok' }]);
    const ready = await send(`${app.url}/readyz`, 'GET');
    expect([ready.status, ready.body]).toEqual([200, { status: 'ok' }]);
  });

  it('is not ready while a migration is not applied, and names it', async () => {
    const [newest] = await app.database.db.query<{ name: string }>(
      'SELECT name FROM schema_migrations ORDER BY name DESC LIMIT 1',
    );
    await app.database.db.query('DELETE FROM schema_migrations WHERE name = $1', [newest!.name]);
    try {
      const ready = await send(`${app.url}/readyz`, 'GET');
      expect(ready.status).toBe(503);
      expect(ready.headers.get('content-type')).toContain('application/problem+json');
      expect(ready.body).toMatchObject({ status: 503, code: 'migrations_pending', title: 'Service Unavailable' });
      expect(ready.body.detail).toContain(newest!.name);
      // alive all the same: restarting the process would not apply it
      expect((await send(`${app.url}/healthz`, 'GET')).status).toBe(200);
    } finally {
      await app.database.db.query('INSERT INTO schema_migrations (name) VALUES ($1)', [newest!.name]);
    }
    expect((await send(`${app.url}/readyz`, 'GET')).status).toBe(200);
  });
});

describe('readiness when the database does not answer', () => {
  // a PostgreSQL address that accepts connections and never says anything
  const sockets: Socket[] = [];
  const silent = createTcpServer((socket) => sockets.push(socket));
  beforeAll(() => new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve)));
  afterAll(() => {
    for (const socket of sockets) socket.destroy();
    return new Promise<void>((resolve) => silent.close(() => resolve()));
  });

  it('answers 503 database_unavailable within seconds, and stays alive', async () => {
    const { port } = silent.address() as { port: number };
    const db = connectPostgres(`postgres://selfserve@127.0.0.1:${port}/selfserve`, 2);
    const app = await buildApp({
      deps: { db, clock: systemClock, gateway: new SandboxGateway(db, systemClock), seller: loadConfig({}).seller },
    });
    try {
      const started = performance.now();
      const ready = await app.inject({ method: 'GET', url: '/readyz' });
      expect(performance.now() - started).toBeLessThan(5_000);
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toMatchObject({ code: 'database_unavailable', detail: 'The database does not answer.' });
      expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      for (const socket of sockets) socket.destroy();
      await app.close();
      await db.close();
    }
  });
});
