import { describe, expect, it } from 'vitest';
import { useTestApp, send, codeOf } from '../helpers/app.js';

const t = useTestApp();

describe('sign-in', () => {
  it('sets an HttpOnly SameSite=Lax cookie and answers the person with a CSRF token', async () => {
    const res = await send(`${t.app.url}/api/session`, 'POST', {
      email: 'Adele@Contoso.example',
      password: 'selfserve-demo',
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^selfserve_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(res.body.person).toMatchObject({
      displayName: 'Adèle Vance',
      email: 'adele@contoso.example',
      role: 'member',
      usageLocation: 'FR',
    });
    expect(res.body.organization).toMatchObject({ name: 'Contoso', currency: 'EUR', country: 'FR' });
    expect(res.body.csrfToken).toEqual(expect.any(String));
  });

  it('answers the same 401 problem for an unknown email and a wrong password', async () => {
    const unknown = await send(`${t.app.url}/api/session`, 'POST', {
      email: 'nobody@contoso.example',
      password: 'selfserve-demo',
    });
    const wrong = await send(`${t.app.url}/api/session`, 'POST', { email: 'megan@contoso.example', password: 'wrong' });
    for (const res of [unknown, wrong]) {
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 401, code: 'invalid_credentials' });
    }
    expect(unknown.body.detail).toBe(wrong.body.detail);
  });

  it('gives a new session id at every sign-in and signing out ends only that session', async () => {
    const a = await t.app.signIn('megan@contoso.example');
    const b = await t.app.signIn('megan@contoso.example');
    expect(a.csrfToken).not.toBe(b.csrfToken);
    expect((await a.delete('/api/session')).status).toBe(204);
    expect((await a.get('/api/me')).status).toBe(401);
    expect((await b.get('/api/me')).status).toBe(200);
  });

  it('refuses cookie-authenticated writes without the CSRF token', async () => {
    const c = await t.app.signIn('adele@contoso.example');
    const res = await c.post('/api/tokens', { name: 'script' }, { 'x-csrf-token': 'forged' });
    expect(res.status).toBe(403);
    expect(codeOf(res)).toBe('csrf_token_invalid');
  });

  it('expires a session after 30 idle minutes, and after 12 hours however active', async () => {
    const c = await t.app.signIn('adele@contoso.example');
    t.app.clock.advanceDays(29 / 1440);
    expect((await c.get('/api/me')).status).toBe(200);
    t.app.clock.advanceDays(31 / 1440);
    expect((await c.get('/api/me')).status).toBe(401);

    const d = await t.app.signIn('adele@contoso.example');
    // used every 20 minutes: alive for 11 h 40, gone at 12 h
    for (let step = 0; step < 35; step++) {
      t.app.clock.advanceDays(20 / 1440);
      expect((await d.get('/api/me')).status).toBe(200);
    }
    t.app.clock.advanceDays(20 / 1440);
    expect((await d.get('/api/me')).status).toBe(401);
  });

  it('rate limits repeated failures with 429 and Retry-After, then lets the person in after the window', async () => {
    const attempt = (password: string) =>
      send(`${t.app.url}/api/session`, 'POST', { email: 'reader@contoso.example', password });
    for (let i = 0; i < 5; i++) expect((await attempt('bad')).status).toBe(401);
    const limited = await attempt('selfserve-demo');
    expect(limited.status).toBe(429);
    expect(codeOf(limited)).toBe('too_many_attempts');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    t.app.clock.advanceDays(16 / 1440);
    expect((await attempt('selfserve-demo')).status).toBe(200);
  });
});

describe('API tokens', () => {
  it('works as a bearer token on every API route without CSRF, and stops when revoked', async () => {
    const c = await t.app.signIn('adele@contoso.example');
    const created = await c.post('/api/tokens', { name: 'graph script' });
    expect(created.status).toBe(201);
    const bearer = { authorization: `Bearer ${created.body.token}` };
    const me = await send(`${t.app.url}/api/me`, 'GET', undefined, bearer);
    expect(me.status).toBe(200);
    expect(me.body.person.email).toBe('adele@contoso.example');
    const listed = await c.get('/api/tokens');
    expect(listed.body.items.map((tok: { name: string }) => tok.name)).toContain('graph script');
    expect(JSON.stringify(listed.body)).not.toContain(created.body.token);
    // a bearer write needs no CSRF token
    const other = await send(`${t.app.url}/api/tokens`, 'POST', { name: 'second' }, bearer);
    expect(other.status).toBe(201);
    expect((await c.delete(`/api/tokens/${created.body.id}`)).status).toBe(204);
    expect((await send(`${t.app.url}/api/me`, 'GET', undefined, bearer)).status).toBe(401);
  });

  it("cannot revoke another person's token: 404 as if it did not exist", async () => {
    const adele = await t.app.signIn('adele@contoso.example');
    const megan = await t.app.signIn('megan@contoso.example');
    const token = await adele.post('/api/tokens', { name: 'mine' });
    const res = await megan.delete(`/api/tokens/${token.body.id}`);
    expect(res.status).toBe(404);
    expect(codeOf(res)).toBe('not_found');
  });
});
