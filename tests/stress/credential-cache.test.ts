import { beforeAll, describe, expect, it } from 'vitest';
import { useSignedInApp, type Client } from '../helpers/app.js';
import { buy } from '../helpers/commerce.js';
import { useSecondServer } from '../helpers/second-server.js';

// Authentication answers from each server's cache of credentials (no database round trip), so a
// credential ended on one server must be refused by every other: by every write at once (a write
// asks the database, or its one statement checks the credential itself), by reads as soon as
// PostgreSQL's notification arrives (milliseconds).
const t = useSignedInApp(['admin', 'adele']);
const second = useSecondServer(t);
let subscriptionId: string;
beforeAll(async () => {
  subscriptionId = (await buy(t.adele, { quantity: 5 })).body.id;
});

const newToken = async (c: Client) =>
  (await c.post('/api/tokens', { name: 'cache test' })).body as { id: string; token: string };
const withToken = (url: string, token: string, path = '/api/me', body?: unknown) =>
  fetch(`${url}${path}`, {
    method: body ? 'POST' : 'GET',
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : null,
  }).then((r) => r.status);
const meganId = async () =>
  (await t.app.deps.db.query<{ id: string }>(`SELECT id FROM people WHERE email = 'megan@contoso.example'`))[0]!.id;
async function refusedWithin(ms: number, status: () => Promise<number>) {
  const until = Date.now() + ms;
  while (Date.now() < until) if ((await status()) === 401) return true;
  return false;
}

describe('credentials cached on every server', () => {
  it('a token revoked through one server: the other refuses its writes at once, its reads within a second', async () => {
    const megan = await meganId();
    for (let round = 0; round < 5; round++) {
      const { id, token } = await newToken(t.adele);
      const assign = () =>
        withToken(second.url, token, `/api/subscriptions/${subscriptionId}/assignments/remove`, { userIds: [megan] });
      // the other server has just checked the token: it is in its cache
      expect(await withToken(second.url, token)).toBe(200);
      expect(await assign()).toBe(200);
      expect((await t.adele.delete(`/api/tokens/${id}`)).status).toBe(204);
      expect(await assign()).toBe(401);
      expect(await refusedWithin(1000, () => withToken(second.url, token))).toBe(true);
    }
  });

  it('a person disabled through one server is refused by the other, and their old tokens stay refused once enabled', async () => {
    const megan = await t.app.signIn('megan@contoso.example');
    const { token } = await newToken(megan);
    expect(await withToken(second.url, token)).toBe(200);
    expect((await t.admin.post(`/api/people/${megan.personId}/disable`, {})).status).toBe(200);
    expect(
      await withToken(second.url, token, `/api/subscriptions/${subscriptionId}/assignments/remove`, {
        userIds: [megan.personId],
      }),
    ).toBe(401);
    expect(await refusedWithin(1000, () => withToken(second.url, token))).toBe(true);
    expect((await t.admin.post(`/api/people/${megan.personId}/enable`, {})).status).toBe(200);
    expect(await withToken(second.url, token)).toBe(401);
  });

  it('a role changed through one server is the role the other enforces', async () => {
    const reader = await t.app.signIn('reader@contoso.example');
    const { token } = await newToken(reader);
    const audit = () => withToken(second.url, token, '/api/admin/audit');
    expect(await audit()).toBe(200);
    expect((await t.admin.patch(`/api/people/${reader.personId}`, { role: 'member' })).status).toBe(200);
    const until = Date.now() + 1000;
    let status = await audit();
    while (status === 200 && Date.now() < until) status = await audit();
    expect(status).toBe(403);
  });
});
