import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startAndWait, stop } from '../bench/lib/server.js';
import { signIn } from './helpers/app.js';

const run = promisify(execFile);
const dirs: string[] = [];
const tempDir = async (name: string) => {
  const dir = await mkdtemp(join(tmpdir(), `selfserve-${name}-`));
  dirs.push(dir);
  return dir;
};
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

async function serve(cwd: string, dataDir: string) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = {
    DATABASE_URL: '',
    SELFSERVE_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  };
  const { child } = await startAndWait(['npm', 'start', '--silent', '--prefix', cwd], env, `${url}/`);
  return { url, stop: () => stop(child, `${url}/`) };
}

// The README's command, as a newcomer runs it: the bundled server on a new embedded database.
describe('npm start', () => {
  // `npm install` built the bundle; build it again from the source as it is now
  beforeAll(() => run(process.execPath, ['scripts/build.mjs', 'server']), 60_000);

  it('serves the portal with its demo data on a new embedded database, and keeps it across a restart', async () => {
    const dataDir = await tempDir('start');
    const first = await serve('.', dataDir);
    const member = await signIn(first.url, 'megan@contoso.example');
    const bought = (await member.get('/api/subscriptions')).body.items.length;
    expect(bought).toBeGreaterThan(0);
    await first.stop();

    const again = await serve('.', dataDir);
    try {
      const page = await fetch(`${again.url}/billing/licenses`);
      expect(await page.text()).toContain('<div id="root">');
      // the demo data is loaded once: a restart neither loses nor duplicates it
      expect(
        (await (await signIn(again.url, 'megan@contoso.example')).get('/api/subscriptions')).body.items.length,
      ).toBe(bought);
    } finally {
      await again.stop();
    }
  }, 90_000);
});

// What an operator runs: a fresh clone of the committed HEAD, only the production dependencies
// (npm's cache makes it take seconds, not minutes), and a start that builds nothing.
describe('npm ci --omit=dev && npm start', () => {
  it('installs without the development tools, builds at install and serves the portal', async () => {
    const repo = await tempDir('clone');
    await run('git', ['clone', '--quiet', process.cwd(), repo]);
    await run('npm', ['ci', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: repo,
    });
    expect(existsSync(join(repo, 'node_modules/vitest'))).toBe(false);
    expect(existsSync(join(repo, 'node_modules/typescript'))).toBe(false);
    expect(existsSync(join(repo, 'dist/server/main.mjs'))).toBe(true);

    const server = await serve(repo, await tempDir('data'));
    try {
      expect(await (await fetch(`${server.url}/billing/licenses`)).text()).toContain('<div id="root">');
      const admin = await signIn(server.url, 'admin@contoso.example');
      expect((await admin.get('/api/admin/self-service-purchases')).body.items.length).toBeGreaterThan(0);
    } finally {
      await server.stop();
    }
  }, 240_000);
});
