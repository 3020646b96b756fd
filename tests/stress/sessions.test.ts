import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, send, codeOf, type TestApp } from '../helpers/app.js';
import { findPersonByEmail, setPersonStatus } from '../../src/db/people.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

describe('sessions under attack', () => {
  it("stops a disabled person's sessions and API tokens at once, and refuses their sign-in", async () => {
    const megan = await app.signIn('megan@contoso.example');
    const token = (await megan.post('/api/tokens', { name: 'cli' })).body.token;
    const bearer = { authorization: `Bearer ${token}` };
    expect((await send(`${app.url}/api/me`, 'GET', undefined, bearer)).status).toBe(200);

    const person = (await findPersonByEmail(app.deps.db, megan.orgId, 'megan@contoso.example'))!;
    await setPersonStatus(app.deps.db, megan.orgId, person.id, 'disabled');

    expect((await megan.get('/api/me')).status).toBe(401);
    expect((await send(`${app.url}/api/people?search=a`, 'GET', undefined, bearer)).status).toBe(401);
    const again = await send(`${app.url}/api/session`, 'POST', { email: 'megan@contoso.example', password: 'selfserve-demo' });
    expect(again.status).toBe(401);
    expect(codeOf(again)).toBe('invalid_credentials');

    await setPersonStatus(app.deps.db, megan.orgId, person.id, 'active');
  });

  it('never accepts a session cookie it did not issue, nor a session of a signed-out person', async () => {
    const forged = await send(`${app.url}/api/me`, 'GET', undefined, { cookie: 'selfserve_session=forged-value' });
    expect(forged.status).toBe(401);
    const adele = await app.signIn('adele@contoso.example');
    await adele.delete('/api/session');
    const replay = await send(`${app.url}/api/me`, 'GET', undefined, { cookie: adele.cookie });
    expect(replay.status).toBe(401);
  });

  it('gives a new session id at each sign-in, so a fixed session cannot be planted', async () => {
    const first = await app.signIn('adele@contoso.example');
    const second = await app.signIn('adele@contoso.example');
    expect(first.cookie).not.toBe(second.cookie);
    expect((await first.get('/api/me')).status).toBe(200);
    expect((await second.get('/api/me')).status).toBe(200);
  });

  it('rate limits password guessing from one address across emails', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 35; i++) {
      const res = await send(`${app.url}/api/session`, 'POST', { email: `guess${i}@contoso.example`, password: 'x' });
      statuses.push(res.status);
    }
    // the failed sign-in of the disabled person above counts too: 30 failures from this address in all
    expect(statuses.filter((s) => s === 401)).toHaveLength(29);
    expect(statuses.slice(29)).toEqual([429, 429, 429, 429, 429, 429]);
    const limited = await send(`${app.url}/api/session`, 'POST', { email: 'adele@contoso.example', password: 'selfserve-demo' });
    expect(limited.status).toBe(429);
  });
});
