import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, signIn, type TestApp, type Client } from '../helpers/app.js';
import { buy } from '../helpers/commerce.js';

// 60 concurrent assignment requests on one subscription, split between two server processes
// (on PGlite, which one process owns, two server instances in this process).
let app: TestApp;
let second: ChildProcess | undefined;
let secondUrl: string;

beforeAll(async () => {
  app = await startTestApp();
  if (!app.database.url) {
    secondUrl = app.url;
    return;
  }
  second = spawn(process.execPath, ['--import', 'tsx', 'tests/helpers/server-process.ts'], {
    env: { ...process.env, DATABASE_URL: app.database.url, SELFSERVE_JOBS_INTERVAL: '0' }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  secondUrl = await new Promise<string>((resolve, reject) => {
    let out = '';
    second!.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /LISTENING (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    second!.on('exit', (code) => reject(new Error(`second server exited with ${code}`)));
  });
}, 60_000);
afterAll(async () => {
  second?.kill('SIGTERM');
  await app?.close();
});

describe('the seat limit across two servers', () => {
  it('never assigns more than the total, and the count always equals the rows', async () => {
    const one: Client = await app.signIn('megan@contoso.example');
    const two: Client = await signIn(secondUrl, 'megan@contoso.example');
    const sub = (await buy(one, { productId: 'CFQ7TTC0HD32', quantity: 12 })).body;
    const pool = (await app.deps.db.query<{ id: string }>(
      `SELECT p.id FROM people p JOIN organizations o ON o.id = p.org_id WHERE o.name = 'Contoso' AND p.status = 'active'
         AND p.usage_location IS NOT NULL ORDER BY p.email LIMIT 45`)).map((r) => r.id);
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) =>
      (i % 2 ? two : one).post(`/api/subscriptions/${sub.id}/assignments`, { userIds: [pool[i % 45]!, pool[(i * 11 + 3) % 45]!] })));
    for (const a of answers) expect([200, 409]).toContain(a.status);
    const [row] = await app.deps.db.query<{ assigned: number; rows: number }>(
      `SELECT assigned, (SELECT count(*)::int FROM license_assignments WHERE subscription_id = $1) AS rows FROM subscriptions WHERE id = $1`, [sub.id]);
    expect(row!.assigned).toBe(12);
    expect(row!.rows).toBe(row!.assigned);
    const granted = answers.filter((a) => a.status === 200).reduce((n, a) => n + a.body.assigned.length, 0);
    expect(granted).toBe(12);
    console.log(`two servers: ${answers.filter((a) => a.status === 200).length} requests granted, ${answers.filter((a) => a.status === 409).length} refused, ${row!.assigned}/12 assigned`);
  });
});
