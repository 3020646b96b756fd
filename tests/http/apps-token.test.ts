import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { startTestApp, send, type Client, type TestApp } from '../helpers/app.js';

// The token endpoint's refusals, in OAuth 2.0's terms with Entra ID's codes, and who may manage apps.
let app: TestApp;
let admin: Client;
let daemon: { clientId: string; clientSecret: string; tenantId: string; id: string };

beforeAll(async () => {
  app = await startTestApp();
  admin = await app.signIn('admin@contoso.example');
  daemon = (await admin.post('/api/admin/apps', { name: 'Robot', roles: ['User.Read.All'] })).body;
});
afterAll(() => app?.close());

const token = (form: Record<string, string>, opts: { tenant?: string; headers?: Record<string, string> } = {}) =>
  send(`${app.url}/${opts.tenant ?? daemon.tenantId}/oauth2/v2.0/token`, 'POST', new URLSearchParams(form).toString(), {
    'content-type': 'application/x-www-form-urlencoded',
    ...opts.headers,
  });
const grant = () => ({
  grant_type: 'client_credentials',
  client_id: daemon.clientId,
  client_secret: daemon.clientSecret,
  scope: 'https://graph.microsoft.com/.default',
});

describe('the token endpoint', () => {
  it('grants a bearer token for an hour, not cached by anyone, by form or by Basic authentication', async () => {
    const res = await token(grant());
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      token_type: 'Bearer',
      expires_in: 3599,
      ext_expires_in: 3599,
      access_token: expect.stringMatching(/^ey[\w-]+\.[\w-]+\.[\w-]+$/),
    });
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { client_id: id, client_secret: secret, ...rest } = grant();
    const basic = await token(rest, {
      headers: { authorization: `Basic ${Buffer.from(`${id}:${encodeURIComponent(secret)}`).toString('base64')}` },
    });
    expect(basic.status).toBe(200);
    // the portal's own address is a resource too
    expect((await token({ ...grant(), scope: `${app.url}/.default` })).status).toBe(200);
    // and the token opens the Graph-compatible API, not the portal's own
    const bearer = { authorization: `Bearer ${res.body.access_token}` };
    expect((await send(`${app.url}/v1.0/users?$top=1`, 'GET', undefined, bearer)).status).toBe(200);
    expect((await send(`${app.url}/api/subscriptions`, 'GET', undefined, bearer)).status).toBe(401);
  });

  it("refuses in OAuth 2.0's shape with Entra's AADSTS codes", async () => {
    const cases: [Record<string, string>, { tenant?: string } | undefined, number, string, number][] = [
      [grant(), { tenant: randomUUID() }, 400, 'invalid_request', 90002],
      [grant(), { tenant: 'common' }, 400, 'invalid_request', 90002],
      [{ ...grant(), grant_type: 'password' }, undefined, 400, 'unsupported_grant_type', 70003],
      [(({ grant_type: _, ...g }) => g)(grant()), undefined, 400, 'invalid_request', 900144],
      [{ ...grant(), scope: 'User.Read' }, undefined, 400, 'invalid_scope', 1002012],
      [{ ...grant(), scope: 'https://management.azure.com/.default' }, undefined, 400, 'invalid_resource', 500011],
      [{ ...grant(), client_id: randomUUID() }, undefined, 400, 'unauthorized_client', 700016],
      [{ ...grant(), client_secret: 'ssa_wrong' }, undefined, 401, 'invalid_client', 7000215],
      [(({ client_secret: _, ...g }) => g)(grant()), undefined, 401, 'invalid_client', 7000218],
    ];
    for (const [form, opts, status, error, code] of cases) {
      const res = await token(form, opts);
      expect([res.status, res.body.error, res.body.error_codes], JSON.stringify(form)).toEqual([status, error, [code]]);
      expect(res.body.error_description).toMatch(
        new RegExp(`^AADSTS${code}: .+ Trace ID: [0-9a-f-]{36} Correlation ID: [0-9a-f-]{36} Timestamp: `),
      );
      expect(res.body).toMatchObject({
        trace_id: expect.any(String),
        correlation_id: expect.any(String),
        timestamp: expect.any(String),
      });
    }
    // a JSON body is not a token request: its parameters are not read
    const json = await send(`${app.url}/${daemon.tenantId}/oauth2/v2.0/token`, 'POST', grant());
    expect([json.status, json.body.error_codes]).toEqual([400, [900144]]);
    // the correlation id the library sends comes back
    const correlation = randomUUID();
    const res = await send(
      `${app.url}/${daemon.tenantId}/oauth2/v2.0/token?client-request-id=${correlation}`,
      'POST',
      'grant_type=client_credentials',
      { 'content-type': 'application/x-www-form-urlencoded' },
    );
    expect(res.body.correlation_id).toBe(correlation);
    // another organization does not know this client
    const fabrikam = await app.signIn('admin@fabrikam.example');
    expect((await token(grant(), { tenant: fabrikam.orgId })).body.error_codes).toEqual([700016]);
  });

  it('stops issuing once the admin the app acts for is no longer an admin', async () => {
    const other = await admin.post('/api/admin/apps', { name: 'Orphan', roles: ['User.Read.All'] });
    const grantOf = { ...grant(), client_id: other.body.clientId, client_secret: other.body.clientSecret };
    expect((await token(grantOf)).status).toBe(200);
    const billing = await app.signIn('billing@contoso.example');
    // the billing admin cannot manage apps; a global reader can list them; Fabrikam sees none of Contoso's
    expect((await billing.post('/api/admin/apps', { name: 'x', roles: ['User.Read.All'] })).status).toBe(403);
    expect(
      (await (await app.signIn('reader@contoso.example')).get('/api/admin/apps')).body.items.length,
    ).toBeGreaterThan(0);
    const fabrikam = await app.signIn('admin@fabrikam.example');
    expect((await fabrikam.get('/api/admin/apps')).body.items).toEqual([]);
    expect((await fabrikam.delete(`/api/admin/apps/${other.body.id}`)).status).toBe(404);
    expect((await (await app.signIn('megan@contoso.example')).get('/api/admin/apps')).status).toBe(403);
    // demoted: the app stops with them
    await app.deps.db.query(`UPDATE people SET role = 'member' WHERE id = $1`, [admin.personId]);
    try {
      const res = await token(grantOf);
      expect([res.status, res.body.error, res.body.error_codes]).toEqual([400, 'unauthorized_client', [7000112]]);
    } finally {
      await app.deps.db.query(`UPDATE people SET role = 'admin' WHERE id = $1`, [admin.personId]);
    }
  });

  it('publishes the OpenID metadata and keys per organization, and refuses an unknown one', async () => {
    const meta = await send(`${app.url}/${daemon.tenantId}/v2.0/.well-known/openid-configuration`, 'GET');
    expect(meta.body).toMatchObject({
      issuer: `${app.url}/${daemon.tenantId}/v2.0`,
      authorization_endpoint: `${app.url}/${daemon.tenantId}/oauth2/v2.0/authorize`,
      jwks_uri: `${app.url}/${daemon.tenantId}/discovery/v2.0/keys`,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
    });
    const keys = await send(meta.body.jwks_uri, 'GET');
    expect(keys.body.keys).toEqual([
      expect.objectContaining({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: expect.any(String) }),
    ]);
    expect(keys.body.keys[0]).not.toHaveProperty('d');
    const unknown = await send(`${app.url}/${randomUUID()}/v2.0/.well-known/openid-configuration`, 'GET');
    expect([unknown.status, unknown.body.error, unknown.body.error_codes]).toEqual([400, 'invalid_tenant', [90002]]);
    // no interactive sign-in here: the authorize endpoint only says so
    expect(
      (await send(`${app.url}/${daemon.tenantId}/oauth2/v2.0/authorize?response_type=code`, 'GET')).body.error,
    ).toBe('unsupported_response_type');
  });
});
