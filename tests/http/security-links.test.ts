import { request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';

/** A GET with a Host header of the caller's choosing (fetch would not send one). */
function getWithHost(
  app: TestApp,
  path: string,
  host: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const url = new URL(app.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path, headers: { ...headers, host } }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function linksOf(app: TestApp) {
  const adele = await app.signIn('adele@contoso.example');
  const auth = { cookie: adele.cookie, 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' };
  const users = await getWithHost(app, '/v1.0/users?$top=2', 'evil.example', auth);
  const me = await getWithHost(app, '/v1.0/me', 'evil.example:8443', auth);
  expect(users.status).toBe(200);
  return [users.body['@odata.nextLink'], users.body['@odata.context'], me.body['@odata.context']] as string[];
}

// Graph's @odata links are followed by clients with their bearer token: a Host header must not
// be able to point them at another server.
describe("Graph's @odata links", () => {
  it('are built from PUBLIC_URL, whatever Host the request names', async () => {
    const app = await startTestApp({ env: { PUBLIC_URL: 'https://portal.example/' } });
    try {
      const [next, context, meContext] = await linksOf(app);
      expect(next).toMatch(/^https:\/\/portal\.example\/v1\.0\/users\?%24top=2&%24skiptoken=/);
      expect(context).toBe('https://portal.example/v1.0/$metadata#users');
      expect(meContext).toBe('https://portal.example/v1.0/$metadata#users/$entity');
    } finally {
      await app.close();
    }
  });

  it('without PUBLIC_URL, name the address the server answered on, not the Host header', async () => {
    const app = await startTestApp();
    try {
      const links = await linksOf(app);
      for (const link of links) expect(link.startsWith(`${app.url}/v1.0/`), link).toBe(true);
    } finally {
      await app.close();
    }
  });
});
