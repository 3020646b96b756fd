import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, send, codeOf, type TestApp, type Client } from '../helpers/app.js';
import { startOidcProvider } from '../helpers/oidc-provider.js';

// People of a domain that signs in with the organization's provider have no password here.
let app: TestApp;
let admin: Client;
let provider: Awaited<ReturnType<typeof startOidcProvider>>;

beforeAll(async () => {
  app = await startTestApp();
  provider = await startOidcProvider({
    redirectUri: `${app.url}/api/sso/callback`,
    postLogoutRedirectUri: `${app.url}/signin`,
    accounts: {},
  });
  admin = await app.signIn('admin@contoso.example');
  app.deps.operatorToken = 'people-sso-operator-token-0123456789';
  await send(
    `${app.url}/api/operator/organizations/${admin.orgId}/domains`,
    'POST',
    { domain: 'contoso.example', verified: true },
    { authorization: `Bearer ${app.deps.operatorToken}` },
  );
});
afterAll(async () => {
  await app?.close();
  await provider?.close();
});

describe('the identity provider setting', () => {
  it('is refused when the issuer has no OpenID configuration, and never shows the secret back', async () => {
    const wrong = await admin.put('/api/admin/identity-provider', {
      issuer: 'http://127.0.0.1:1/nowhere',
      clientId: 'x',
      clientSecret: 'y',
    });
    expect([wrong.status, codeOf(wrong)]).toEqual([400, 'issuer_unreachable']);
    expect(
      codeOf(await admin.put('/api/admin/identity-provider', { issuer: provider.issuer, clientId: provider.clientId })),
    ).toBe('client_secret_required');
    expect(
      codeOf(
        await admin.put('/api/admin/identity-provider', {
          issuer: 'http://idp.example',
          clientId: 'x',
          clientSecret: 'y',
        }),
      ),
    ).toBe('issuer_not_https');

    const set = await admin.put('/api/admin/identity-provider', {
      issuer: provider.issuer,
      clientId: provider.clientId,
      clientSecret: provider.clientSecret,
    });
    expect(set.body).toEqual({
      issuer: provider.issuer,
      clientId: provider.clientId,
      jitProvisioning: false,
      hasClientSecret: true,
      redirectUri: `${app.url}/api/sso/callback`,
      updatedAt: expect.any(String),
    });
    expect(JSON.stringify((await admin.get('/api/admin/identity-provider')).body)).not.toContain(provider.clientSecret);
    const audit = (await admin.get('/api/admin/audit?action=identity_provider.set')).body.items;
    expect(JSON.stringify(audit)).not.toContain(provider.clientSecret);

    const member = await app.signIn('adele@contoso.example');
    expect(
      codeOf(
        await member.put('/api/admin/identity-provider', { issuer: provider.issuer, clientId: 'x', clientSecret: 'y' }),
      ),
    ).toBe('admin_only');
    expect((await member.get('/api/admin/identity-provider')).status).toBe(403);
  });

  it('routes addresses of the verified domain to the provider at sign-in, others to the password', async () => {
    expect((await send(`${app.url}/api/sign-in/discover`, 'POST', { email: 'Someone@Contoso.example' })).body).toEqual({
      method: 'sso',
      url: '/api/sso/start?email=someone%40contoso.example',
    });
    expect((await send(`${app.url}/api/sign-in/discover`, 'POST', { email: 'joni@fabrikam.example' })).body).toEqual({
      method: 'password',
    });
    const start = await fetch(`${app.url}/api/sso/start?email=someone%40contoso.example`, { redirect: 'manual' });
    const to = new URL(start.headers.get('location')!);
    expect(to.origin + to.pathname).toBe(`${provider.issuer}/auth`);
    expect(Object.fromEntries(to.searchParams)).toMatchObject({
      client_id: provider.clientId,
      response_type: 'code',
      code_challenge_method: 'S256',
      scope: 'openid email profile',
      redirect_uri: `${app.url}/api/sso/callback`,
      login_hint: 'someone@contoso.example',
      state: expect.any(String),
      nonce: expect.any(String),
    });
    expect(start.headers.get('set-cookie')).toMatch(
      /^selfserve_sso_state=[^;]+; Max-Age=600; Path=\/api\/sso; HttpOnly; SameSite=Lax/,
    );
  });

  it('adds people of that domain without a password link, and refuses to reset their password', async () => {
    const added = await admin.post('/api/people', { displayName: 'SSO Person', email: 'sso.person@contoso.example' });
    expect(added.status).toBe(201);
    expect(added.body.invitation).toBeNull();
    const reset = await admin.post(`/api/people/${added.body.person.id}/reset-password`);
    expect([reset.status, codeOf(reset)]).toEqual([409, 'uses_single_sign_on']);

    // disconnected, the organization signs in with passwords again
    expect((await admin.delete('/api/admin/identity-provider')).status).toBe(204);
    expect((await admin.post(`/api/people/${added.body.person.id}/reset-password`)).status).toBe(200);
    expect(
      (await send(`${app.url}/api/sign-in/discover`, 'POST', { email: 'sso.person@contoso.example' })).body,
    ).toEqual({ method: 'password' });
  });
});
