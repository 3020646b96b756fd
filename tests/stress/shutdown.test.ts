import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { request, type IncomingMessage } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, startAndWait } from '../../bench/lib/server.js';
import { createTestDatabase, DEMO_PASSWORD, type TestDatabase } from '../helpers/db.js';
import { startTestApp } from '../helpers/app.js';
import { runJobsOnce, startJobRunner } from '../../src/services/jobs/run-jobs.js';

// The real server process (src/main.ts) told to stop as an orchestrator does, with SIGTERM,
// while a request is under way.
const engines = process.env.DATABASE_URL ? (['postgres', 'pglite'] as const) : (['pglite'] as const);
const cleanups: (() => Promise<unknown>)[] = [];
afterAll(() => Promise.all(cleanups.map((c) => c())));

async function startServer(engine: 'postgres' | 'pglite', env: Record<string, string> = {}) {
  let database: TestDatabase | undefined;
  let dataDir = '';
  if (engine === 'postgres') {
    database = await createTestDatabase({ engine });
    cleanups.push(() => database!.drop());
  } else {
    dataDir = await mkdtemp(join(tmpdir(), 'selfserve-shutdown-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const { child } = await startAndWait(
    [process.execPath, '--import', 'tsx', 'src/main.ts'],
    {
      DATABASE_URL: database?.url ?? '',
      SELFSERVE_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ...env,
    },
    `${url}/healthz`,
  );
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  cleanups.push(async () => child.exitCode === null && child.kill('SIGKILL'));
  return { url, child, exited, database };
}

/**
 * A sign-in whose body is sent in two parts: the request is in flight until `finish()`.
 * `arrived` resolves once the server has it: its first part was sent, and a request sent after
 * it was answered (a server accepts connections and reads them in the order they came; a fixed
 * wait was too short for a loaded machine, and the server then found nothing in flight).
 */
function slowSignIn(url: string) {
  const body = JSON.stringify({ email: 'megan@contoso.example', password: DEMO_PASSWORD });
  const req = request(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
  });
  const response = new Promise<IncomingMessage>((resolve, reject) => req.on('response', resolve).on('error', reject));
  const sent = new Promise<void>((resolve) => req.write(body.slice(0, 10), () => resolve()));
  const arrived = sent.then(() => fetch(`${url}/healthz`)).then(() => undefined);
  return { response, arrived, finish: () => req.end(body.slice(10)) };
}

/** Whether `condition` becomes true within about 5 seconds. */
async function until(condition: () => Promise<boolean>) {
  for (let i = 0; i < 200; i++) {
    if (await condition()) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return false;
}

/** Whether the server stops taking new connections while it is still running. */
async function refusesConnections(url: string, child: ChildProcess) {
  return (
    (await until(() =>
      fetch(`${url}/healthz`).then(
        () => false,
        () => true,
      ),
    )) && child.exitCode === null
  );
}

describe.each(engines)('SIGTERM on %s', (engine) => {
  it('finishes the request in flight, takes no new connection and exits 0', async () => {
    const server = await startServer(engine);
    const signIn = slowSignIn(server.url);
    await signIn.arrived;
    server.child.kill('SIGTERM');
    expect(await refusesConnections(server.url, server.child)).toBe(true);
    expect(server.child.exitCode).toBeNull();

    signIn.finish();
    const res = await signIn.response;
    expect(res.statusCode).toBe(200);
    expect(res.headers['set-cookie']?.join()).toContain('selfserve_session=');
    expect(await server.exited).toBe(0);
  });

  it('cuts a request that outlasts the shutdown timeout and exits 1', async () => {
    const server = await startServer(engine, { SELFSERVE_SHUTDOWN_TIMEOUT: '1' });
    const stuck = slowSignIn(server.url);
    const outcome = stuck.response.then(
      () => 'answered',
      () => 'cut',
    );
    await stuck.arrived;
    const started = performance.now();
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(1);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(await outcome).toBe('cut');
  });
});

// only PostgreSQL lets another client hold a lock the server's request waits on
if (process.env.DATABASE_URL)
  describe('SIGTERM while a request waits on PostgreSQL', () => {
    it('keeps the pool open until the request has its answer', async () => {
      const server = await startServer('postgres');
      // another client holds the sessions table: the sign-in waits inside its transaction
      const blocker = new pg.Client({ connectionString: server.database!.url });
      await blocker.connect();
      cleanups.push(() => blocker.end());
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE sessions IN ACCESS EXCLUSIVE MODE');
      const signIn = slowSignIn(server.url);
      signIn.finish();
      expect(
        await until(
          async () =>
            (
              await blocker.query(`SELECT 1 FROM pg_locks WHERE NOT granted AND relation = 'sessions'::regclass
      AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`)
            ).rowCount! > 0,
        ),
      ).toBe(true);

      server.child.kill('SIGTERM');
      expect(await refusesConnections(server.url, server.child)).toBe(true);
      await new Promise((r) => setTimeout(r, 300));
      expect(server.child.exitCode).toBeNull();
      await blocker.query('COMMIT');
      expect((await signIn.response).statusCode).toBe(200);
      expect(await server.exited).toBe(0);
    });
  });

describe.each(engines)('the job runner on %s', (engine) => {
  it('runs the due work; stopped, it ends after the step under way and leaves the rest to the next run', async () => {
    const app = await startTestApp({ engine, demoPurchases: true });
    cleanups.push(() => app.close());
    const errors: unknown[] = [];
    const onError = (err: unknown) => errors.push(err);

    // a year on, every demo subscription is due for renewal
    app.clock.advanceDays(400);
    const stopped = startJobRunner(app.deps, { intervalSeconds: 3600, onError });
    await stopped.stop();
    expect(stopped.lastRunAt()).toBeUndefined();
    // it let go of the lock, and the lifecycle work is still there
    const next = await runJobsOnce(app.deps);
    expect(next.ran).toBe(true);
    expect(next.moved).toBeGreaterThan(0);

    app.clock.advanceDays(400);
    const runner = startJobRunner(app.deps, { intervalSeconds: 3600, onError });
    expect(await until(async () => runner.lastRunAt() !== undefined)).toBe(true);
    await runner.stop();
    expect(runner.lastRunAt()).toEqual(app.clock.now());
    expect((await runJobsOnce(app.deps)).moved).toBe(0);
    expect(errors).toEqual([]);
  });
});
