import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startTestApp, send, type TestApp } from '../helpers/app.js';

const CLI = fileURLToPath(new URL('../../src/cli/selfserve.ts', import.meta.url));
const TOKEN = 'cli-operator-token-0123456789abcdef';
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
  app.deps.operatorToken = TOKEN;
});
afterAll(() => app?.close());

/** Runs `npm run selfserve -- ...args` as the README says (through tsx here, as in development). */
function selfserve(args: string[], env: Record<string, string | undefined> = { SELFSERVE_OPERATOR_TOKEN: TOKEN }) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', CLI, ...args],
      { env: { PATH: process.env.PATH, SELFSERVE_URL: app.url, ...env } },
      (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('selfserve CLI', () => {
  it('creates an organization, prints the one-time link, attaches a domain and lists organizations', async () => {
    const created = await selfserve([
      'org',
      'create',
      '--name',
      'Wide World Importers',
      '--country',
      'gb',
      '--currency',
      'GBP',
      '--admin-email',
      'it@wideworld.example',
      '--admin-name',
      'Wide World IT',
    ]);
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^Created Wide World Importers \([0-9a-f-]{36}\), GB, GBP, invoices WID-…$/m);
    // no mail server in this test: the operator is told to hand the link over
    expect(created.stdout).toContain(
      'Invitation for it@wideworld.example (not e-mailed: no mail server; hand this link over):',
    );
    const link = /^ {2}(http\S+)$/m.exec(created.stdout)![1]!;
    const lookup = await send(`${app.url}/api/invitations/lookup`, 'POST', { token: new URL(link).hash.slice(1) });
    expect(lookup.body).toMatchObject({ email: 'it@wideworld.example', organizationName: 'Wide World Importers' });

    const id = /\(([0-9a-f-]{36})\)/.exec(created.stdout)![1]!;
    expect((await selfserve(['domain', 'add', id, 'WideWorld.example'])).stdout.trim()).toBe(
      'wideworld.example (verified)',
    );
    expect((await selfserve(['domain', 'add', id, 'imports.example', '--unverified'])).stdout).toMatch(
      /imports\.example \(not verified: publish the TXT record "selfserve-verification=[0-9a-f]{32}" at imports\.example\)/,
    );
    expect((await selfserve(['org', 'show', id])).stdout).toContain('  wideworld.example (verified)');
    const listed = await selfserve(['org', 'list', '--json']);
    expect(JSON.parse(listed.stdout).items.map((o: { name: string }) => o.name)).toContain('Wide World Importers');
  });

  it('says what is wrong: no token, operator API off, a refusal from the server, a missing option', async () => {
    const noToken = await selfserve(['org', 'list'], {});
    expect([noToken.code, noToken.stderr.trim()]).toEqual([
      1,
      'SELFSERVE_OPERATOR_TOKEN is not set: use the token the server was started with.',
    ]);
    app.deps.operatorToken = undefined;
    const off = await selfserve(['org', 'list']);
    app.deps.operatorToken = TOKEN;
    expect(off.stderr.trim()).toBe('The operator API is off: start the server with SELFSERVE_OPERATOR_TOKEN set.');
    const refused = await selfserve([
      'org',
      'create',
      '--name',
      'X',
      '--country',
      'FR',
      '--currency',
      'JPY',
      '--admin-email',
      'a@x.example',
      '--admin-name',
      'A',
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^400 validation_failed: /);
    const missing = await selfserve(['org', 'create', '--name', 'X']);
    expect(missing.stderr).toMatch(/^--country is required\./);
  });
});
