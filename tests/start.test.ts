import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, startAndWait, stop } from '../bench/lib/server.js';
import { signIn } from './helpers/app.js';

// The README's command, as a newcomer runs it: the bundled server on a new embedded database.
const dataDir = await mkdtemp(join(tmpdir(), 'selfserve-start-'));
afterAll(() => rm(dataDir, { recursive: true, force: true }));

describe('npm start', () => {
  it('serves the portal with its demo data on a new embedded database, and keeps it across a restart', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const env = { DATABASE_URL: '', SELFSERVE_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' };

    const first = await startAndWait(['npm', 'start', '--silent'], env, `${url}/`);
    const member = await signIn(url, 'megan@contoso.example');
    const bought = (await member.get('/api/subscriptions')).body.items.length;
    expect(bought).toBeGreaterThan(0);
    await stop(first.child, `${url}/`);

    const again = await startAndWait(['npm', 'start', '--silent'], env, `${url}/`);
    try {
      const page = await fetch(`${url}/billing/licenses`);
      expect(await page.text()).toContain('<div id="root">');
      // the demo data is loaded once: a restart neither loses nor duplicates it
      expect((await (await signIn(url, 'megan@contoso.example')).get('/api/subscriptions')).body.items.length).toBe(bought);
    } finally {
      await stop(again.child, `${url}/`);
    }
  }, 90_000);
});
