import { afterAll, beforeAll } from 'vitest';
import { createServer } from '../../src/server.js';
import { loadConfig } from '../../src/config.js';
import { ManualClock, type Clock } from '../../src/domain/clock.js';
import { createTestDatabase, DEMO_PASSWORD, type TestDatabase } from './db.js';

export const START = '2026-03-02T09:00:00Z';

/** A signed-in client of the running test server: JSON requests with cookie and CSRF token. */
export interface Client {
  /** the Cookie header this client sends */
  cookie: string;
  personId: string;
  orgId: string;
  csrfToken: string;
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<TestResponse>;
  get(path: string): Promise<TestResponse>;
  post(path: string, body?: unknown, headers?: Record<string, string>): Promise<TestResponse>;
  put(path: string, body?: unknown, headers?: Record<string, string>): Promise<TestResponse>;
  patch(path: string, body?: unknown, headers?: Record<string, string>): Promise<TestResponse>;
  delete(path: string, headers?: Record<string, string>): Promise<TestResponse>;
}

export interface TestResponse {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  text: string;
}

export async function send(
  url: string,
  method: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<TestResponse> {
  const res = await fetch(url, {
    method,
    // the server's own answer: a redirect (single sign-on) is what the test sees, not where it leads
    redirect: 'manual',
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON (CSV, PDF, HTML): the text is the body
  }
  return { status: res.status, headers: res.headers, body: parsed, text };
}

export interface TestApp {
  url: string;
  clock: ManualClock;
  database: TestDatabase;
  deps: Awaited<ReturnType<typeof createServer>>['deps'];
  signIn(email: string, password?: string): Promise<Client>;
  close(): Promise<void>;
}

/**
 * The whole server on a fresh database, listening on a free port, with a clock that only the
 * test moves.
 */
export async function startTestApp(
  opts: {
    engine?: 'pglite' | 'postgres';
    clock?: Clock;
    demoPurchases?: boolean;
    logger?: object;
    env?: NodeJS.ProcessEnv;
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase({ engine: opts.engine });
  const clock = (opts.clock as ManualClock) ?? new ManualClock(START);
  // `env`: settings as an operator gives them (TRUST_PROXY, PUBLIC_URL, ...)
  const server = await createServer(
    { ...loadConfig(opts.env ?? {}), demoPassword: DEMO_PASSWORD },
    { db: database.db, clock, demoPurchases: opts.demoPurchases ?? false, logger: opts.logger ?? false },
  );
  const address = await server.app.listen({ port: 0, host: '127.0.0.1' });
  const app: TestApp = {
    url: address,
    clock,
    database,
    deps: server.deps,
    signIn: (email, password = DEMO_PASSWORD) => signIn(address, email, password),
    async close() {
      await server.app.close();
      await database.drop();
    },
  };
  return app;
}

/** What `startTestApp` takes: the engine, the clock, the demo purchases, a logger, settings. */
export type StartOptions = Parameters<typeof startTestApp>[0];

/** The demo's people the tests sign in as, by the names the tests call them. */
export const DEMO_PEOPLE = {
  adele: 'adele@contoso.example',
  megan: 'megan@contoso.example',
  admin: 'admin@contoso.example',
  billing: 'billing@contoso.example',
  reader: 'reader@contoso.example',
  joni: 'joni@fabrikam.example',
  /** Fabrikam's admin */
  fabrikam: 'admin@fabrikam.example',
} as const;
export type DemoPerson = keyof typeof DEMO_PEOPLE;

/** A test file's app with its people signed in, by their names. */
export type SignedInApp<N extends DemoPerson> = { readonly app: TestApp; travel(to: string): Promise<void> } & {
  readonly [K in N]: Client;
};

/**
 * Starts the app before a test file's (or a describe block's) tests with these people signed in
 * (`['adele', 'admin']`) and closes it after them. `travel` moves the clock and signs them in
 * again: a session does not outlive 30 idle minutes.
 */
export function useSignedInApp<const N extends DemoPerson>(names: N[], opts: StartOptions = {}): SignedInApp<N> {
  const ctx: Record<string, unknown> & { app?: TestApp } = {};
  const signInAll = async (app: TestApp) => {
    const clients = await Promise.all(names.map((name) => app.signIn(DEMO_PEOPLE[name])));
    names.forEach((name, i) => (ctx[name] = clients[i]));
  };
  beforeAll(async () => {
    ctx.app = await startTestApp(opts);
    await signInAll(ctx.app);
  });
  afterAll(() => ctx.app?.close());
  ctx.travel = async (to: string) => {
    ctx.app!.clock.set(to);
    await signInAll(ctx.app!);
  };
  return ctx as SignedInApp<N>;
}

/** A test file's app, nobody signed in: started before its tests, closed after them. */
export const useTestApp = (opts: StartOptions = {}): { readonly app: TestApp } => useSignedInApp([], opts);

export async function signIn(baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<Client> {
  const res = await fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`);
  const me = await res.json();
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const request = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    send(baseUrl + path, method, body, { cookie, 'x-csrf-token': me.csrfToken, ...headers });
  return {
    cookie,
    personId: me.person.id,
    orgId: me.organization.id,
    csrfToken: me.csrfToken,
    request,
    get: (path) => request('GET', path),
    post: (path, body, headers) => request('POST', path, body, headers),
    put: (path, body, headers) => request('PUT', path, body, headers),
    patch: (path, body, headers) => request('PATCH', path, body, headers),
    delete: (path, headers) => request('DELETE', path, undefined, headers),
  };
}

/** Asserts nothing itself: returns the problem's code for a compact expect(). */
export const codeOf = (res: TestResponse) => (res.body as { code?: string } | undefined)?.code;
