import { describe, expect, it } from 'vitest';
import { startTestApp, useTestApp, send, codeOf } from '../helpers/app.js';
import { startServerProcess } from '../helpers/second-server.js';
import { DEMO_PASSWORD } from '../helpers/db.js';
import { findPersonByEmail, setPersonStatus } from '../../src/db/people.js';

const t = useTestApp();

describe('sessions under attack', () => {
  it("stops a disabled person's sessions and API tokens for good, and refuses their sign-in until enabled", async () => {
    const megan = await t.app.signIn('megan@contoso.example');
    const token = (await megan.post('/api/tokens', { name: 'cli' })).body.token;
    const bearer = { authorization: `Bearer ${token}` };
    expect((await send(`${t.app.url}/api/me`, 'GET', undefined, bearer)).status).toBe(200);

    const person = (await findPersonByEmail(t.app.deps.db, megan.orgId, 'megan@contoso.example'))!;
    // a change made outside a request: the server hears of it by the database's notification, as a
    // write's answer waits for (see credential-cache.ts)
    await setPersonStatus(t.app.deps.db, megan.orgId, person.id, 'disabled', t.app.clock.now());
    await t.app.deps.credentials!.caughtUp(t.app.deps.db);

    expect((await megan.get('/api/me')).status).toBe(401);
    expect((await send(`${t.app.url}/api/people?search=a`, 'GET', undefined, bearer)).status).toBe(401);
    const again = await send(`${t.app.url}/api/session`, 'POST', {
      email: 'megan@contoso.example',
      password: 'selfserve-demo',
    });
    expect(again.status).toBe(401);
    expect(codeOf(again)).toBe('invalid_credentials');

    // enabled again: she signs in anew; what she held before stays revoked
    await setPersonStatus(t.app.deps.db, megan.orgId, person.id, 'active', t.app.clock.now());
    await t.app.deps.credentials!.caughtUp(t.app.deps.db);
    expect((await megan.get('/api/me')).status).toBe(401);
    expect((await send(`${t.app.url}/api/me`, 'GET', undefined, bearer)).status).toBe(401);
    expect((await (await t.app.signIn('megan@contoso.example')).get('/api/me')).status).toBe(200);
  });

  it('keeps the old sessions and tokens revoked when an admin disables and enables a person', async () => {
    const admin = await t.app.signIn('admin@contoso.example');
    const adele = await t.app.signIn('adele@contoso.example');
    const bearer = { authorization: `Bearer ${(await adele.post('/api/tokens', { name: 'cli' })).body.token}` };
    expect((await admin.post(`/api/people/${adele.personId}/disable`)).status).toBe(200);
    expect((await admin.post(`/api/people/${adele.personId}/enable`)).status).toBe(200);
    expect((await adele.get('/api/me')).status).toBe(401);
    expect((await send(`${t.app.url}/api/me`, 'GET', undefined, bearer)).status).toBe(401);
    expect((await (await t.app.signIn('adele@contoso.example')).get('/api/me')).status).toBe(200);
  });

  it('never accepts a session cookie it did not issue, nor a session of a signed-out person', async () => {
    const forged = await send(`${t.app.url}/api/me`, 'GET', undefined, { cookie: 'selfserve_session=forged-value' });
    expect(forged.status).toBe(401);
    const adele = await t.app.signIn('adele@contoso.example');
    await adele.delete('/api/session');
    const replay = await send(`${t.app.url}/api/me`, 'GET', undefined, { cookie: adele.cookie });
    expect(replay.status).toBe(401);
  });

  it('gives a new session id at each sign-in, so a fixed session cannot be planted', async () => {
    const first = await t.app.signIn('adele@contoso.example');
    const second = await t.app.signIn('adele@contoso.example');
    expect(first.cookie).not.toBe(second.cookie);
    expect((await first.get('/api/me')).status).toBe(200);
    expect((await second.get('/api/me')).status).toBe(200);
  });

  it('rate limits password guessing from one address across emails', async () => {
    // a fresh database, so that no earlier failure from this address counts
    const fresh = await startTestApp();
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 35; i++) {
        const res = await send(`${fresh.url}/api/session`, 'POST', {
          email: `guess${i}@contoso.example`,
          password: 'x',
        });
        statuses.push(res.status);
      }
      expect(statuses.slice(0, 30)).toEqual(Array(30).fill(401));
      expect(statuses.slice(30)).toEqual([429, 429, 429, 429, 429]);
      const limited = await send(`${fresh.url}/api/session`, 'POST', {
        email: 'adele@contoso.example',
        password: DEMO_PASSWORD,
      });
      expect(limited.status).toBe(429);
    } finally {
      await fresh.close();
    }
  });
});

describe('sign-in throttle on two servers at once', () => {
  /** A fresh database (so fresh counters) with this test's server and another process on it. */
  async function twoServers(fn: (urls: string[]) => Promise<void>) {
    const fresh = await startTestApp();
    const other = await startServerProcess(fresh);
    try {
      await fn([fresh.url, other.url]);
    } finally {
      await other.kill();
      await fresh.close();
    }
  }
  const guess = (url: string, email: string, password: string) =>
    send(`${url}/api/session`, 'POST', { email, password });

  it('checks 5 of 25 concurrent guesses at one email, then refuses even the right password', () =>
    twoServers(async (urls) => {
      const results = await Promise.all(
        Array.from({ length: 25 }, (_, i) => guess(urls[i % 2]!, 'megan@contoso.example', `wrong-${i}`)),
      );
      // 401: the password was checked; 429: refused unchecked
      expect(results.filter((r) => r.status === 401)).toHaveLength(5);
      expect(results.filter((r) => r.status === 429).map(codeOf)).toEqual(Array(20).fill('too_many_attempts'));
      const right = await guess(urls[1]!, 'megan@contoso.example', DEMO_PASSWORD);
      expect(right.status).toBe(429);
      expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
    }));

  it('checks 30 guesses of a 200-request burst from one address across emails', () =>
    twoServers(async (urls) => {
      const results = await Promise.all(
        Array.from({ length: 200 }, (_, i) => guess(urls[i % 2]!, `guess${i}@contoso.example`, 'x')),
      );
      expect(results.filter((r) => r.status === 401)).toHaveLength(30);
      expect(results.filter((r) => r.status === 429)).toHaveLength(170);
    }));
});
