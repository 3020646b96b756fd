import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientSecretCredential } from '@azure/identity';
import { Client as GraphClient } from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials/index.js';
import { Agent } from 'undici';
import { SignJWT, decodeJwt, decodeProtectedHeader, generateKeyPair, importJWK, jwtVerify } from 'jose';
import { startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { graphError } from '../helpers/graph.js';
import { buy, POWER_BI_PRO } from '../helpers/commerce.js';
import { startTlsFront, TEST_CA, type TlsFront } from '../helpers/tls-front.js';

// A daemon written with Microsoft's own SDKs, unmodified: @azure/identity's ClientSecretCredential
// (authority: Selfserve, instance discovery off, as it must be for any authority Microsoft does not
// know) feeding the official Graph client. Both speak only https, so the server sits behind TLS.
const POWER_BI_PRO_SKU = 'f8a1db68-be16-40ed-86d5-cb42ce701560';
const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';
let front: TlsFront;
let app: TestApp;
let admin: Client;
const trusting = new Agent({ connect: { ca: TEST_CA } });

beforeAll(async () => {
  front = await startTlsFront();
  app = await startTestApp({ env: { PUBLIC_URL: front.url } });
  front.target = Number(new URL(app.url).port);
  admin = await app.signIn('admin@contoso.example');
});
afterAll(async () => {
  await app?.close();
  await front?.close();
  await trusting.close();
});

type Registered = { clientId: string; clientSecret: string; tenantId: string; authorityHost: string; id: string };
const register = async (name: string, roles: string[]) => {
  const res = await admin.post('/api/admin/apps', { name, roles });
  expect(res.status, res.text).toBe(201);
  return res.body as Registered;
};
const credentialOf = (a: Registered, secret = a.clientSecret) =>
  new ClientSecretCredential(a.tenantId, a.clientId, secret, {
    authorityHost: a.authorityHost,
    disableInstanceDiscovery: true,
    // the test certificate: the pipeline's TLS settings, as a company's own CA would be given
    tlsOptions: { ca: TEST_CA },
  });
const graphOf = (authProvider: ConstructorParameters<typeof TokenCredentialAuthenticationProvider>[0] | string) =>
  GraphClient.initWithMiddleware({
    baseUrl: front.url,
    defaultVersion: 'v1.0',
    customHosts: new Set(['127.0.0.1']),
    fetchOptions: { dispatcher: trusting } as RequestInit,
    authProvider:
      typeof authProvider === 'string'
        ? { getAccessToken: async () => authProvider }
        : new TokenCredentialAuthenticationProvider(authProvider, { scopes: [GRAPH_SCOPE] }),
  });
async function tokenError(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('expected the token request to fail');
}

describe('a daemon with its own credentials, through @azure/identity and the Graph client', () => {
  it('lists users and assigns a license, as the admin who registered it', async () => {
    await buy(admin, { productId: POWER_BI_PRO, quantity: 3 });
    const daemon = await register('License robot', ['User.Read.All', 'LicenseAssignment.ReadWrite.All']);
    expect(daemon).toMatchObject({
      tenantId: admin.orgId,
      authorityHost: front.url,
      secretHint: daemon.clientSecret.slice(0, 7),
    });
    const graph = graphOf(credentialOf(daemon));

    const found = await graph
      .api('/users')
      .filter("startswith(displayName,'Megan')")
      .select('id,displayName,usageLocation')
      .get();
    expect(found.value).toEqual([{ id: expect.any(String), displayName: 'Megan Bowen', usageLocation: 'FR' }]);
    const megan = found.value[0].id as string;
    // what it can assign: the admin's subscription, the same units its assignLicense draws from
    const units = async () =>
      (await graph.api('/subscribedSkus').get()).value.find((s: { skuId: string }) => s.skuId === POWER_BI_PRO_SKU);
    expect(await units()).toMatchObject({
      consumedUnits: 0,
      prepaidUnits: { enabled: 3 },
      accountId: admin.orgId,
      accountName: 'Contoso',
    });
    expect((await graphError(() => graph.api('/organization').get())).statusCode).toBe(403); // Organization.Read.All was not granted
    const user = await graph
      .api(`/users/${megan}/assignLicense`)
      .post({ addLicenses: [{ skuId: POWER_BI_PRO_SKU, disabledPlans: [] }], removeLicenses: [] });
    expect(user).toMatchObject({ id: megan, displayName: 'Megan Bowen' });
    expect(
      (await graph.api(`/users/${megan}/licenseDetails`).get()).value.map((d: { skuId: string }) => d.skuId),
    ).toEqual([POWER_BI_PRO_SKU]);
    expect((await units()).consumedUnits).toBe(1);
    // the admin's own subscription gave it, and the audit names the admin the app acts for
    const [audit] = await app.deps.db.query<{ actorId: string }>(
      `SELECT actor_id AS "actorId" FROM audit_events WHERE action = 'license.assigned' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit!.actorId).toBe(admin.personId);
    // an app has no /me
    const me = await graphError(() => graph.api('/me').get());
    expect([me.statusCode, me.code]).toEqual([400, 'BadRequest']);
    expect(
      (await admin.get('/api/admin/apps')).body.items.find((a: { id: string }) => a.id === daemon.id).lastUsedAt,
    ).not.toBeNull();
  });

  it('signs RS256 tokens that the published keys verify, with the roles granted', async () => {
    const daemon = await register('Reader', ['User.Read.All']);
    const { token } = await credentialOf(daemon).getToken(GRAPH_SCOPE);
    const metadata = await (
      await fetch(`${front.url}/${daemon.tenantId}/v2.0/.well-known/openid-configuration`, {
        dispatcher: trusting,
      } as RequestInit)
    ).json();
    expect(metadata).toMatchObject({
      issuer: `${front.url}/${daemon.tenantId}/v2.0`,
      token_endpoint: `${front.url}/${daemon.tenantId}/oauth2/v2.0/token`,
      grant_types_supported: ['client_credentials'],
    });
    const { keys } = await (await fetch(metadata.jwks_uri, { dispatcher: trusting } as RequestInit)).json();
    const key = keys.find((k: { kid: string }) => k.kid === decodeProtectedHeader(token).kid);
    const { payload } = await jwtVerify(token, await importJWK(key, 'RS256'), {
      issuer: metadata.issuer,
      audience: 'https://graph.microsoft.com',
      currentDate: app.clock.now(),
    });
    expect(payload).toMatchObject({
      tid: daemon.tenantId,
      appid: daemon.clientId,
      roles: ['User.Read.All'],
      idtyp: 'app',
      app_displayname: 'Reader',
    });
    expect(payload.exp! - payload.iat!).toBe(3599);
  });

  it("refuses a call the token has no role for in Graph's 403 shape", async () => {
    const reader = await register('Directory reader', ['User.Read.All']);
    const graph = graphOf(credentialOf(reader));
    const megan = (await graph.api('/users/megan@contoso.example').select('id').get()).id;
    const denied = await graphError(() =>
      graph
        .api(`/users/${megan}/assignLicense`)
        .post({ addLicenses: [{ skuId: POWER_BI_PRO_SKU }], removeLicenses: [] }),
    );
    expect([denied.statusCode, denied.code, denied.message]).toEqual([
      403,
      'Authorization_RequestDenied',
      'Insufficient privileges to complete the operation.',
    ]);
    expect(denied.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect((await graphError(() => graph.api(`/users/${megan}`).patch({ usageLocation: 'DE' }))).statusCode).toBe(403);
    expect((await graphError(() => graph.api('/organization').get())).statusCode).toBe(403);
  });

  it('refuses an expired token and one signed by another key with 401', async () => {
    const daemon = await register('Short-lived', ['User.Read.All']);
    const { token } = await credentialOf(daemon).getToken(GRAPH_SCOPE);
    expect((await graphOf(token).api('/users').top(1).get()).value).toHaveLength(1);

    // the same claims, signed by a key that is not ours
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT(decodeJwt(token))
      .setProtectedHeader(decodeProtectedHeader(token) as { alg: string })
      .sign(privateKey);
    const foreign = await graphError(() => graphOf(forged).api('/users').get());
    expect([foreign.statusCode, foreign.code]).toEqual([401, 'InvalidAuthenticationToken']);
    const garbled = await graphError(() =>
      graphOf(`${token.slice(0, -4)}AAAA`)
        .api('/users')
        .get(),
    );
    expect(garbled.statusCode).toBe(401);

    const now = app.clock.now();
    app.clock.set(new Date(now.getTime() + 2 * 3600_000));
    try {
      const expired = await graphError(() => graphOf(token).api('/users').get());
      expect([expired.statusCode, expired.code, expired.message]).toEqual([
        401,
        'InvalidAuthenticationToken',
        'Lifetime validation failed, the token is expired.',
      ]);
    } finally {
      app.clock.set(now); // the admin's session stays young for the next tests
    }
  });

  it('stops a revoked app at once: its tokens and its secret', async () => {
    const daemon = await register('Leaver', ['User.Read.All']);
    const credential = credentialOf(daemon);
    const graph = graphOf(credential);
    expect((await graph.api('/users').top(1).get()).value).toHaveLength(1);
    expect((await admin.delete(`/api/admin/apps/${daemon.id}`)).status).toBe(204);
    // the token the credential holds (cached for the hour) no longer opens anything
    const revoked = await graphError(() => graph.api('/users').top(1).get());
    expect([revoked.statusCode, revoked.code]).toEqual([401, 'InvalidAuthenticationToken']);
    expect(await tokenError(() => credentialOf(daemon).getToken(GRAPH_SCOPE))).toMatch(
      /unauthorized_client|AADSTS7000112/,
    );
    expect((await admin.get('/api/admin/apps')).body.items.map((a: { id: string }) => a.id)).not.toContain(daemon.id);
  });

  it('rotates the secret: the old one is refused as Entra refuses a wrong secret, the new one works', async () => {
    const daemon = await register('Rotated', ['User.Read.All']);
    const rotated = await admin.post(`/api/admin/apps/${daemon.id}/secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.clientSecret).not.toBe(daemon.clientSecret);
    expect(await tokenError(() => credentialOf(daemon).getToken(GRAPH_SCOPE))).toMatch(/invalid_client|AADSTS7000215/);
    expect((await credentialOf(daemon, rotated.body.clientSecret).getToken(GRAPH_SCOPE)).token).toMatch(/^ey/);
  });
});
