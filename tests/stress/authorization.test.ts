import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, send, signIn, type TestApp, type Client, type TestResponse } from '../helpers/app.js';
import { buy, card } from '../helpers/commerce.js';
import { operationsOf } from '../helpers/openapi.js';
import { startOidcProvider } from '../helpers/oidc-provider.js';

// Every route of the OpenAPI document x every kind of caller, against the answer each must get.
// Adèle (the owner) holds the resources; the others must not reach them, nor learn they exist.
// The operator (the bearer of SELFSERVE_OPERATOR_TOKEN) is a caller too: its token opens the
// operator's API and nothing else, and no person's credentials open the operator's API.
const IDENTITIES = [
  'anonymous',
  'owner',
  'member',
  'admin',
  'billing',
  'reader',
  'otherOrgAdmin',
  'revokedToken',
  'expiredSession',
  'operator',
] as const;
type Identity = (typeof IDENTITIES)[number];
type Expect = Partial<Record<Identity, number | number[]>>;
const SIGNED_IN = {
  owner: 'adele@contoso.example',
  member: 'megan@contoso.example',
  admin: 'admin@contoso.example',
  billing: 'billing@contoso.example',
  reader: 'reader@contoso.example',
  otherOrgAdmin: 'admin@fabrikam.example',
} as const;
const OPERATOR_TOKEN = `matrix-operator-${randomUUID()}`;

let app: TestApp;
let provider: Awaited<ReturnType<typeof startOidcProvider>>;
const clients = {} as Record<
  Identity,
  (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<TestResponse>
>;
const signedIn = {} as Record<keyof typeof SIGNED_IN, Client>;
const ids = {} as Record<string, string>;

/** A domain name of this run (the existence-leak check swaps it for another). */
const domainName = () => `matrix-${randomUUID().slice(0, 8)}.example`;
const email = () => `matrix-${randomUUID()}@contoso.example`;
const webhookInput = () => ({
  url: `https://hooks.example.com/${randomUUID()}`,
  events: ['person.created', 'policy.updated'],
});
/** A product for the operator's catalog, with fresh ids. */
const product = () => {
  const id = randomUUID().replace(/-/g, '').slice(0, 12).toUpperCase();
  return {
    id,
    skuId: randomUUID(),
    skuPartNumber: `MATRIX_${id}`,
    name: 'Matrix Product',
    selfServiceEligible: true,
    prices: { EUR: { monthly: 1000 } },
  };
};
/** The answer of a set-up step, which must have worked. */
const made = (res: TestResponse) => {
  if (res.status >= 300) throw new Error(`set-up failed: ${res.status} ${res.text}`);
  return res.body;
};

async function signInCallers() {
  for (const [who, address] of Object.entries(SIGNED_IN) as [keyof typeof SIGNED_IN, string][]) {
    const client = await app.signIn(address);
    signedIn[who] = client;
    clients[who] = (m, p, b, h) => client.request(m, p, b, h);
  }
}

beforeAll(async () => {
  app = await startTestApp({ env: { SELFSERVE_OPERATOR_TOKEN: OPERATOR_TOKEN } });
  provider = await startOidcProvider({
    redirectUri: `${app.url}/api/sso/callback`,
    postLogoutRedirectUri: `${app.url}/signin`,
    accounts: {},
  });
  await signInCallers();
  const { owner: adele, member: megan, admin } = signedIn;
  clients.anonymous = (m, p, b, h) => send(app.url + p, m, b, h);
  clients.operator = (m, p, b, h) => send(app.url + p, m, b, { authorization: `Bearer ${OPERATOR_TOKEN}`, ...h });
  const revoked = await adele.post('/api/tokens', { name: 'revoked' });
  await adele.delete(`/api/tokens/${revoked.body.id}`);
  clients.revokedToken = (m, p, b, h) =>
    send(app.url + p, m, b, { authorization: `Bearer ${revoked.body.token}`, ...h });
  // a session of Adèle's that has expired: signed in a second later, then aged in the database
  app.clock.set(new Date(app.clock.now().getTime() + 1000));
  const stale = await signIn(app.url, 'adele@contoso.example');
  await app.deps.db.query(
    `UPDATE sessions SET expires_at = '2026-03-01T00:00:00Z' WHERE person_id = $1 AND created_at = $2`,
    [adele.personId, app.clock.now()],
  );
  clients.expiredSession = (m, p, b, h) => stale.request(m, p, b, h);

  const a = (await buy(adele, { quantity: 5 })).body;
  const b = (await buy(adele, { productId: 'CFQ7TTC0HD33', quantity: 2 })).body;
  const c = (await buy(adele, { productId: 'CFQ7TTC0HDB1', quantity: 2 })).body;
  Object.assign(ids, {
    subA: a.id,
    subB: b.id,
    subC: c.id,
    profile: a.billingProfile.id,
    card: a.paymentMethod.id,
    spareCard: (await adele.post('/api/payment-methods', { card: card() })).body.id,
    spareCard2: (await adele.post('/api/payment-methods', { card: card() })).body.id,
    token: (await adele.post('/api/tokens', { name: 'spare' })).body.id,
    invoice: (await adele.get('/api/invoices')).body.items[0].id,
    adele: adele.personId,
    megan: megan.personId,
    contoso: adele.orgId,
    sku: (await adele.get('/v1.0/subscribedSkus')).body.value.find(
      (s: { skuPartNumber: string }) => s.skuPartNumber === 'POWER_BI_PRO',
    ).id,
  });

  // Contoso's settings: a verified domain signing in with its provider, a claimed one to give up,
  // webhooks (one kept, one for the admin and one for the operator to remove), apps (one kept, one
  // to revoke), a SCIM token; and a product of the operator's to change
  ids.ssoDomain = domainName();
  ids.spareDomain = domainName();
  made(
    await clients.operator('POST', `/api/operator/organizations/${ids.contoso}/domains`, {
      domain: ids.ssoDomain,
      verified: true,
    }),
  );
  made(
    await admin.put('/api/admin/identity-provider', {
      issuer: provider.issuer,
      clientId: provider.clientId,
      clientSecret: provider.clientSecret,
    }),
  );
  made(await admin.post('/api/admin/domains', { domain: ids.spareDomain }));
  const webhook = async () => made(await admin.post('/api/admin/webhooks', webhookInput()));
  const kept = await webhook();
  const registerApp = async () =>
    made(await admin.post('/api/admin/apps', { name: 'Matrix', roles: ['User.Read.All'] })).id;
  Object.assign(ids, {
    webhook: kept.id,
    webhookUrl: kept.url,
    spareWebhook: (await webhook()).id,
    spareWebhook2: (await webhook()).id,
    app: await registerApp(),
    spareApp: await registerApp(),
    scimToken: made(await admin.post('/api/admin/provisioning/tokens', { name: 'matrix' })).id,
    product: made(await clients.operator('POST', '/api/operator/products', product())).id,
  });
  // people for the admin to edit, reset, disable and enable, and delete (none of them a caller)
  const person = async (name: string) => made(await admin.post('/api/people', { displayName: name, email: email() }));
  const colleague = (await person('Matrix Colleague')).person;
  const leaver = await person('Matrix Leaver');
  Object.assign(ids, {
    colleague: colleague.id,
    colleagueEmail: colleague.email,
    leaver: leaver.person.id,
    departing: (await person('Matrix Departing')).person.id,
    invitation: new URL(leaver.invitation.url).hash.slice(1),
  });
  // an event the kept webhook was sent when they were added (queued: no dispatcher runs here)
  ids.event = (
    await app.deps.db.query<{ eventId: string }>(
      'SELECT event_id AS "eventId" FROM webhook_messages WHERE endpoint_id = $1 LIMIT 1',
      [ids.webhook],
    )
  )[0]!.eventId;
});
afterAll(async () => {
  await app?.close();
  await provider?.close();
});

const contoso = (status: number | number[]): Expect => ({
  owner: status,
  member: status,
  admin: status,
  billing: status,
  reader: status,
});
const everyone = (status: number | number[]): Expect => ({ ...contoso(status), otherOrgAdmin: status });
/** Public routes (probes, sign-in, invitation links): the same answer whoever asks, with whatever credentials. */
const open = (status: number): Expect => Object.fromEntries(IDENTITIES.map((who) => [who, status]));
/** The operator's API: its token only; a person's credentials count for nothing there. */
const operatorOnly = (status: number): Expect => ({ ...open(401), operator: status });
/** Adèle's own things (invoices, cards, billing profiles, tokens): nobody else even learns they exist. */
const personal = (owner: number, readerOnWrite?: number): Expect => ({
  ...everyone(404),
  owner,
  ...(readerOnWrite ? { reader: readerOnWrite } : {}),
});
/** Her subscriptions: admins and the global reader read them; only she changes them. */
const subscriptionRead = (owner = 200): Expect => ({
  owner,
  member: 404,
  admin: 200,
  billing: 200,
  reader: 200,
  otherOrgAdmin: 404,
});
const subscriptionWrite = (owner = 200): Expect => ({
  owner,
  member: 404,
  admin: 403,
  billing: 403,
  reader: 403,
  otherOrgAdmin: 404,
});
/** Admin views: admins, billing admins and global readers, each of their own organization. */
const adminRead: Expect = { owner: 403, member: 403, admin: 200, billing: 200, reader: 200, otherOrgAdmin: 200 };
/** An admin view of one thing of Contoso's: Fabrikam's admin is told it does not exist. */
const adminReadContoso: Expect = { ...adminRead, otherOrgAdmin: 404 };
/**
 * People, sign-in, apps and webhooks are the admin's alone (a billing admin manages money only).
 * Fabrikam's admin gets `otherOrgAdmin`: 404 for a thing of Contoso's, else their own organization's answer.
 */
const userAdmin = (status: number, otherOrgAdmin = 404): Expect => ({
  owner: 403,
  member: 403,
  admin: status,
  billing: 403,
  reader: 403,
  otherOrgAdmin,
});
const key = () => ({ 'idempotency-key': randomUUID() });

interface Case {
  path: () => string;
  body?: () => unknown;
  headers?: () => Record<string, string>;
  expect: Expect;
  /** the organizations' callers sign in again first (the case before signed them out) */
  signInAgain?: true;
}

const CASES: Record<string, Case> = {
  // public: a wrong sign-in is the same 401 for everyone
  'POST /api/session': {
    path: () => '/api/session',
    body: () => ({ email: `nobody-${randomUUID()}@contoso.example`, password: 'wrong' }),
    expect: everyone(401),
  },
  'GET /healthz': { path: () => '/healthz', expect: open(200) },
  'GET /readyz': { path: () => '/readyz', expect: open(200) },
  'POST /api/sign-in/discover': {
    path: () => '/api/sign-in/discover',
    body: () => ({ email: `someone@${ids.ssoDomain}` }),
    expect: open(200),
  },
  'GET /api/sso/start': { path: () => `/api/sso/start?email=someone%40${ids.ssoDomain}`, expect: open(302) },
  'GET /api/sso/callback': { path: () => '/api/sso/callback?code=forged&state=forged', expect: open(302) },
  'POST /api/invitations/lookup': {
    path: () => '/api/invitations/lookup',
    body: () => ({ token: ids.invitation }),
    expect: open(200),
  },
  'POST /api/invitations/accept': {
    path: () => '/api/invitations/accept',
    body: () => ({ token: 'x'.repeat(43), password: 'a long enough password' }),
    expect: open(400),
  },
  'GET /api/me': { path: () => '/api/me', expect: everyone(200) },
  'POST /api/tokens': { path: () => '/api/tokens', body: () => ({ name: 'matrix' }), expect: everyone(201) },
  'GET /api/tokens': { path: () => '/api/tokens', expect: everyone(200) },
  'DELETE /api/tokens/{id}': { path: () => `/api/tokens/${ids.token}`, expect: personal(204) },
  'GET /api/people': { path: () => '/api/people?search=a', expect: everyone(200) },
  'GET /api/people/{id}': { path: () => `/api/people/${ids.adele}`, expect: adminReadContoso },
  'POST /api/people': {
    path: () => '/api/people',
    body: () => ({ displayName: 'Matrix Newcomer', email: email() }),
    expect: userAdmin(201, 201),
  },
  'PATCH /api/people/{id}': {
    path: () => `/api/people/${ids.colleague}`,
    body: () => ({ usageLocation: 'DE' }),
    expect: userAdmin(200),
  },
  'POST /api/people/{id}/disable': { path: () => `/api/people/${ids.leaver}/disable`, expect: userAdmin(200) },
  'POST /api/people/{id}/enable': { path: () => `/api/people/${ids.leaver}/enable`, expect: userAdmin(200) },
  'POST /api/people/{id}/reset-password': {
    path: () => `/api/people/${ids.colleague}/reset-password`,
    expect: userAdmin(200),
  },
  'DELETE /api/people/{id}': { path: () => `/api/people/${ids.departing}`, expect: userAdmin(204) },
  'GET /api/products': { path: () => '/api/products', expect: everyone(200) },
  'GET /api/subscriptions': { path: () => '/api/subscriptions', expect: everyone(200) },
  'POST /api/subscriptions': {
    path: () => '/api/subscriptions',
    body: () => ({
      productId: 'CFQ7TTC0HD33',
      quantity: 1,
      term: 'monthly',
      card: card(),
      billingProfile: { name: 'x', address: { line1: 'a', city: 'b', postalCode: 'c' }, country: 'FR' },
    }),
    headers: key,
    expect: { ...everyone(201), reader: 403 },
  },
  'GET /api/subscriptions/quote': {
    path: () => '/api/subscriptions/quote?productId=CFQ7TTC0HD33&quantity=2&term=monthly',
    expect: everyone(200),
  },
  'GET /api/subscriptions/{id}': { path: () => `/api/subscriptions/${ids.subA}`, expect: subscriptionRead() },
  'GET /api/subscriptions/{id}/quote': {
    path: () => `/api/subscriptions/${ids.subA}/quote?total=6`,
    expect: subscriptionWrite(),
  },
  'PUT /api/subscriptions/{id}/licenses': {
    path: () => `/api/subscriptions/${ids.subA}/licenses`,
    body: () => ({ total: 5 }),
    expect: subscriptionWrite(),
  },
  'POST /api/subscriptions/{id}/cancel': {
    path: () => `/api/subscriptions/${ids.subB}/cancel`,
    body: () => ({ reason: 'other' }),
    expect: subscriptionWrite(),
  },
  'PUT /api/subscriptions/{id}/auto-renew': {
    path: () => `/api/subscriptions/${ids.subA}/auto-renew`,
    body: () => ({ enabled: true }),
    expect: subscriptionWrite(),
  },
  'POST /api/subscriptions/{id}/reactivate': {
    path: () => `/api/subscriptions/${ids.subB}/reactivate`,
    headers: key,
    expect: subscriptionWrite(),
  },
  'GET /api/licenses': { path: () => '/api/licenses', expect: everyone(200) },
  'GET /api/subscriptions/{id}/assignments': {
    path: () => `/api/subscriptions/${ids.subA}/assignments`,
    expect: subscriptionRead(),
  },
  'POST /api/subscriptions/{id}/assignments': {
    path: () => `/api/subscriptions/${ids.subA}/assignments`,
    body: () => ({ userIds: [ids.megan] }),
    expect: subscriptionWrite(),
  },
  'GET /api/subscriptions/{id}/assignments.csv': {
    path: () => `/api/subscriptions/${ids.subA}/assignments.csv`,
    expect: subscriptionRead(),
  },
  'POST /api/subscriptions/{id}/assignments/remove': {
    path: () => `/api/subscriptions/${ids.subA}/assignments/remove`,
    body: () => ({ userIds: [ids.megan] }),
    expect: subscriptionWrite(),
  },
  'GET /v1.0/me': { path: () => '/v1.0/me', expect: everyone(200) },
  'GET /v1.0/me/licenseDetails': { path: () => '/v1.0/me/licenseDetails', expect: everyone(200) },
  'POST /v1.0/me/assignLicense': {
    path: () => '/v1.0/me/assignLicense',
    body: () => ({ addLicenses: [], removeLicenses: [] }),
    expect: { ...everyone(200), reader: 403 },
  },
  'GET /v1.0/users': { path: () => '/v1.0/users?$top=5', expect: everyone(200) },
  'GET /v1.0/users/$count': {
    path: () => '/v1.0/users/$count',
    headers: () => ({ consistencylevel: 'eventual' }),
    expect: everyone(200),
  },
  'GET /v1.0/users/{id}': { path: () => `/v1.0/users/${ids.adele}`, expect: { ...contoso(200), otherOrgAdmin: 404 } },
  'PATCH /v1.0/users/{id}': {
    path: () => `/v1.0/users/${ids.colleague}`,
    body: () => ({ usageLocation: 'fr' }),
    expect: userAdmin(204),
  },
  'GET /v1.0/subscribedSkus': { path: () => '/v1.0/subscribedSkus', expect: everyone(200) },
  // the caller's own products: Adèle's is hers alone
  'GET /v1.0/subscribedSkus/{id}': { path: () => `/v1.0/subscribedSkus/${ids.sku}`, expect: personal(200) },
  'GET /v1.0/organization': { path: () => '/v1.0/organization', expect: everyone(200) },
  'GET /v1.0/organization/{id}': {
    path: () => `/v1.0/organization/${ids.contoso}`,
    expect: { ...contoso(200), otherOrgAdmin: 404 },
  },
  'POST /v1.0/users/{id}/assignLicense': {
    path: () => `/v1.0/users/${ids.megan}/assignLicense`,
    body: () => ({ addLicenses: [], removeLicenses: [] }),
    expect: { ...contoso(200), reader: 403, otherOrgAdmin: 404 },
  },
  'GET /v1.0/users/{id}/licenseDetails': {
    path: () => `/v1.0/users/${ids.adele}/licenseDetails`,
    expect: { ...contoso(200), otherOrgAdmin: 404 },
  },
  'GET /api/payment-methods': { path: () => '/api/payment-methods', expect: everyone(200) },
  'POST /api/payment-methods': {
    path: () => '/api/payment-methods',
    body: () => ({ card: card() }),
    expect: { ...everyone(201), reader: 403 },
  },
  'PATCH /api/payment-methods/{id}': {
    path: () => `/api/payment-methods/${ids.spareCard}`,
    body: () => ({ card: { nameOnCard: 'New name' } }),
    expect: personal(200, 403),
  },
  'DELETE /api/payment-methods/{id}': {
    path: () => `/api/payment-methods/${ids.spareCard2}`,
    expect: personal(204, 403),
  },
  'GET /api/billing/countries': { path: () => '/api/billing/countries', expect: everyone(200) },
  'GET /api/billing-profiles': { path: () => '/api/billing-profiles', expect: everyone(200) },
  'GET /api/billing-profiles/{id}': { path: () => `/api/billing-profiles/${ids.profile}`, expect: personal(200) },
  'PATCH /api/billing-profiles/{id}': {
    path: () => `/api/billing-profiles/${ids.profile}`,
    body: () => ({ name: 'Renamed' }),
    expect: personal(200, 403),
  },
  'PUT /api/billing-profiles/{id}/payment-method': {
    path: () => `/api/billing-profiles/${ids.profile}/payment-method`,
    body: () => ({ paymentMethodId: ids.card }),
    expect: personal(200, 403),
  },
  'GET /api/invoices': { path: () => '/api/invoices', expect: everyone(200) },
  'GET /api/invoices.csv': { path: () => '/api/invoices.csv', expect: everyone(200) },
  'GET /api/invoices/spend': { path: () => '/api/invoices/spend', expect: everyone(200) },
  'GET /api/invoices/{id}': { path: () => `/api/invoices/${ids.invoice}`, expect: personal(200) },
  'GET /api/invoices/{id}/pdf': { path: () => `/api/invoices/${ids.invoice}/pdf`, expect: personal(200) },
  'POST /api/invoices/{id}/pay': {
    path: () => `/api/invoices/${ids.invoice}/pay`,
    body: () => ({ paymentMethodId: ids.card }),
    headers: key,
    expect: personal(409, 403),
  },
  'GET /api/admin/self-service-purchases': { path: () => '/api/admin/self-service-purchases', expect: adminRead },
  'GET /api/admin/self-service-purchases/{id}': {
    path: () => `/api/admin/self-service-purchases/${ids.subA}`,
    expect: adminReadContoso,
  },
  'GET /api/admin/self-service-purchases/by-product': {
    path: () => '/api/admin/self-service-purchases/by-product',
    expect: adminRead,
  },
  'GET /api/admin/self-service-purchases.csv': {
    path: () => '/api/admin/self-service-purchases.csv',
    expect: adminRead,
  },
  'POST /api/admin/self-service-purchases/{id}/take-control': {
    path: () => `/api/admin/self-service-purchases/${ids.subC}/take-control`,
    body: () => ({ action: 'cancel', reason: 'matrix' }),
    expect: { owner: 403, member: 403, admin: 200, billing: 409, reader: 403, otherOrgAdmin: 404 },
  },
  'GET /api/admin/self-service-policy': { path: () => '/api/admin/self-service-policy', expect: adminRead },
  'PUT /api/admin/self-service-policy/{productId}': {
    path: () => '/api/admin/self-service-policy/CFQ7TTC0HD33',
    body: () => ({ value: 'Enabled' }),
    expect: { ...adminRead, reader: 403 },
  },
  'GET /api/admin/spend': { path: () => '/api/admin/spend', expect: adminRead },
  'GET /api/admin/audit': { path: () => '/api/admin/audit', expect: adminRead },
  'GET /api/admin/audit.csv': { path: () => '/api/admin/audit.csv', expect: adminRead },
  // Settings: e-mail domains, single sign-on (the sign-in cases above ran while it was on), provisioning
  'GET /api/admin/domains': { path: () => '/api/admin/domains', expect: adminRead },
  'POST /api/admin/domains': {
    path: () => '/api/admin/domains',
    body: () => ({ domain: domainName() }),
    expect: userAdmin(201, 201),
  },
  'POST /api/admin/domains/{domain}/verify': {
    path: () => `/api/admin/domains/${ids.ssoDomain}/verify`,
    expect: userAdmin(200),
  },
  'DELETE /api/admin/domains/{domain}': { path: () => `/api/admin/domains/${ids.spareDomain}`, expect: userAdmin(204) },
  'GET /api/admin/identity-provider': { path: () => '/api/admin/identity-provider', expect: adminReadContoso },
  'PUT /api/admin/identity-provider': {
    path: () => '/api/admin/identity-provider',
    body: () => ({ issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret }),
    expect: userAdmin(200, 200),
  },
  // Fabrikam's admin connected theirs in the case before
  'DELETE /api/admin/identity-provider': { path: () => '/api/admin/identity-provider', expect: userAdmin(204, 204) },
  'GET /api/admin/provisioning/tokens': { path: () => '/api/admin/provisioning/tokens', expect: adminRead },
  'POST /api/admin/provisioning/tokens': {
    path: () => '/api/admin/provisioning/tokens',
    body: () => ({ name: 'matrix' }),
    expect: userAdmin(201, 201),
  },
  'DELETE /api/admin/provisioning/tokens/{id}': {
    path: () => `/api/admin/provisioning/tokens/${ids.scimToken}`,
    expect: userAdmin(204),
  },
  'GET /api/admin/apps': { path: () => '/api/admin/apps', expect: adminRead },
  'POST /api/admin/apps': {
    path: () => '/api/admin/apps',
    body: () => ({ name: 'Matrix', roles: ['User.Read.All'] }),
    expect: userAdmin(201, 201),
  },
  'POST /api/admin/apps/{id}/secret': { path: () => `/api/admin/apps/${ids.app}/secret`, expect: userAdmin(200) },
  'DELETE /api/admin/apps/{id}': { path: () => `/api/admin/apps/${ids.spareApp}`, expect: userAdmin(204) },
  'GET /api/admin/webhooks': { path: () => '/api/admin/webhooks', expect: userAdmin(200, 200) },
  'GET /api/admin/webhooks/event-types': { path: () => '/api/admin/webhooks/event-types', expect: userAdmin(200, 200) },
  'POST /api/admin/webhooks': { path: () => '/api/admin/webhooks', body: webhookInput, expect: userAdmin(201, 201) },
  'PATCH /api/admin/webhooks/{id}': {
    path: () => `/api/admin/webhooks/${ids.webhook}`,
    body: () => ({ description: 'matrix' }),
    expect: userAdmin(200),
  },
  'DELETE /api/admin/webhooks/{id}': { path: () => `/api/admin/webhooks/${ids.spareWebhook}`, expect: userAdmin(204) },
  'POST /api/admin/webhooks/{id}/rotate-secret': {
    path: () => `/api/admin/webhooks/${ids.webhook}/rotate-secret`,
    expect: userAdmin(200),
  },
  'GET /api/admin/webhooks/{id}/deliveries': {
    path: () => `/api/admin/webhooks/${ids.webhook}/deliveries`,
    expect: userAdmin(200),
  },
  'POST /api/admin/webhooks/{id}/deliveries/{eventId}/replay': {
    path: () => `/api/admin/webhooks/${ids.webhook}/deliveries/${ids.event}/replay`,
    expect: userAdmin(202),
  },
  'GET /api/notifications': { path: () => '/api/notifications', expect: everyone(200) },
  'POST /api/notifications/read': { path: () => '/api/notifications/read', body: () => ({}), expect: everyone(200) },
  'GET /api/notifications/language': { path: () => '/api/notifications/language', expect: everyone(200) },
  'PUT /api/notifications/language': {
    path: () => '/api/notifications/language',
    body: () => ({ language: null }),
    expect: everyone(200),
  },
  // the operator's API, for Contoso
  'POST /api/operator/organizations': {
    path: () => '/api/operator/organizations',
    body: () => ({ name: 'Matrix Org', country: 'DE', currency: 'EUR', admin: { email: email(), displayName: 'Ada' } }),
    expect: operatorOnly(201),
  },
  'GET /api/operator/organizations': { path: () => '/api/operator/organizations', expect: operatorOnly(200) },
  'GET /api/operator/organizations/{id}': {
    path: () => `/api/operator/organizations/${ids.contoso}`,
    expect: operatorOnly(200),
  },
  'POST /api/operator/organizations/{id}/domains': {
    path: () => `/api/operator/organizations/${ids.contoso}/domains`,
    body: () => ({ domain: domainName() }),
    expect: operatorOnly(201),
  },
  'POST /api/operator/organizations/{orgId}/webhooks': {
    path: () => `/api/operator/organizations/${ids.contoso}/webhooks`,
    body: webhookInput,
    expect: operatorOnly(201),
  },
  'GET /api/operator/organizations/{orgId}/webhooks': {
    path: () => `/api/operator/organizations/${ids.contoso}/webhooks`,
    expect: operatorOnly(200),
  },
  'GET /api/operator/organizations/{orgId}/webhooks/event-types': {
    path: () => `/api/operator/organizations/${ids.contoso}/webhooks/event-types`,
    expect: operatorOnly(200),
  },
  'PATCH /api/operator/organizations/{orgId}/webhooks/{id}': {
    path: () => `/api/operator/organizations/${ids.contoso}/webhooks/${ids.webhook}`,
    body: () => ({ description: 'by the operator' }),
    expect: operatorOnly(200),
  },
  'DELETE /api/operator/organizations/{orgId}/webhooks/{id}': {
    path: () => `/api/operator/organizations/${ids.contoso}/webhooks/${ids.spareWebhook2}`,
    expect: operatorOnly(204),
  },
  'POST /api/operator/organizations/{orgId}/webhooks/{id}/rotate-secret': {
    path: () => `/api/operator/organizations/${ids.contoso}/webhooks/${ids.webhook}/rotate-secret`,
    expect: operatorOnly(200),
  },
  'GET /api/operator/organizations/{orgId}/webhooks/{id}/deliveries': {
    path: () => `/api/operator/organizations/${ids.contoso}/webhooks/${ids.webhook}/deliveries`,
    expect: operatorOnly(200),
  },
  'POST /api/operator/organizations/{orgId}/webhooks/{id}/deliveries/{eventId}/replay': {
    path: () => `/api/operator/organizations/${ids.contoso}/webhooks/${ids.webhook}/deliveries/${ids.event}/replay`,
    expect: operatorOnly(202),
  },
  'GET /api/operator/products': { path: () => '/api/operator/products', expect: operatorOnly(200) },
  'GET /api/operator/products/{id}': { path: () => `/api/operator/products/${ids.product}`, expect: operatorOnly(200) },
  'POST /api/operator/products': { path: () => '/api/operator/products', body: product, expect: operatorOnly(201) },
  'PATCH /api/operator/products/{id}': {
    path: () => `/api/operator/products/${ids.product}`,
    body: () => ({ description: 'matrix' }),
    expect: operatorOnly(200),
  },
  'PUT /api/operator/products/{id}/prices': {
    path: () => `/api/operator/products/${ids.product}/prices`,
    body: () => ({ EUR: { monthly: 1200 } }),
    expect: operatorOnly(200),
  },
  // last: they end each caller's session
  'POST /api/sso/sign-out': { path: () => '/api/sso/sign-out', expect: everyone(200) },
  'DELETE /api/session': { path: () => '/api/session', expect: everyone(204), signInAgain: true },
};

const ID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
/** The same path naming something that does not exist: another id, else another domain. */
const ghostOf = (path: string) =>
  ID.test(path) ? path.replace(ID, randomUUID()) : path.replace(/matrix-[0-9a-f]{8}\.example/, domainName());

describe('the authorization matrix', () => {
  it('answers every caller of every route as expected, with no cross-tenant read and no existence leak', async () => {
    const operations = (await operationsOf(app.url)).map((o) => `${o.method} ${o.path}`);
    expect(Object.keys(CASES).sort()).toEqual(operations.sort());
    const rows: string[] = [];
    let cells = 0;
    const secrets = () => [
      ids.subA,
      ids.invoice,
      ids.profile,
      ids.spareCard,
      'adele@contoso.example',
      ids.webhook,
      ids.webhookUrl,
      ids.app,
      ids.scimToken,
      ids.ssoDomain,
      ids.colleagueEmail,
    ];
    for (const [name, c] of Object.entries(CASES)) {
      const [method] = name.split(' ');
      if (c.signInAgain) await signInCallers();
      const got: string[] = [];
      for (const who of IDENTITIES) {
        // not a person of an organization: refused wherever one must sign in
        const expected = c.expect[who] ?? (who in SIGNED_IN ? undefined : 401);
        const [path, body] = [c.path(), c.body?.()];
        const res = await clients[who](method!, path, body, c.headers?.());
        cells++;
        got.push(String(res.status));
        expect([expected].flat(), `${name} as ${who}: ${res.text.slice(0, 200)}`).toContain(res.status);
        if (who === 'otherOrgAdmin' && res.status < 300) {
          // what the caller named itself is no leak
          const told = path + JSON.stringify(body ?? null);
          for (const secret of secrets().filter((s) => s && !told.includes(s))) {
            expect(res.text, `${name} leaks ${secret} to another organization`).not.toContain(secret);
          }
        }
        if (res.status === 404 && ghostOf(path) !== path) {
          // the same answer as for something that does not exist at all
          const ghost = await clients[who](method!, ghostOf(path), body, c.headers?.());
          expect(ghost.status, `${name} as ${who}: existence leak`).toBe(404);
        }
      }
      rows.push(`| ${name} | ${got.join(' | ')} |`);
    }
    console.log(
      ['| route | ' + IDENTITIES.join(' | ') + ' |', '|' + ' --- |'.repeat(IDENTITIES.length + 1), ...rows].join('\n'),
    );
    console.log(
      `authorization matrix: ${Object.keys(CASES).length} routes x ${IDENTITIES.length} callers = ${cells} cells checked`,
    );
  }, 180_000);
});
