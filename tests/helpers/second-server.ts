import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll } from 'vitest';
import type { TestApp } from './app.js';

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** SIGKILL: the process dies mid-request, as in a crash */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Another server process on the test's PostgreSQL database (tests/helpers/server-process.ts).
 * On PGlite, which one process owns, the test's own server stands in for it.
 */
export async function startServerProcess(app: TestApp): Promise<ServerProcess> {
  if (!app.database.url) return { url: app.url, child: undefined as never, kill: async () => {} };
  return spawnServer({ DATABASE_URL: app.database.url, SELFSERVE_TEST_NOW: app.clock.now().toISOString() });
}

/**
 * The test file's second server (see `startServerProcess`), started after its app (call this
 * after `useSignedInApp`) and stopped before the app closes.
 */
export function useSecondServer(t: { readonly app: TestApp }): { readonly url: string } {
  let server: ServerProcess | undefined;
  beforeAll(async () => {
    server = await startServerProcess(t.app);
  });
  afterAll(() => server?.kill());
  return {
    get url() {
      return server!.url;
    },
  };
}

/** A server process with the given environment (a database, a data directory, a clock). */
export async function spawnServer(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/helpers/server-process.ts'], {
    env: { ...process.env, SELFSERVE_JOBS_INTERVAL: '0', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /LISTENING (\S+)/.exec(out);
      if (m) resolve(m[1]!);
      else if (out.length > 10_000) process.stderr.write(c);
    });
    child.on('exit', (code) => reject(new Error(`server process exited with ${code}`)));
  });
  return {
    url,
    child,
    kill: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}
