import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, send, signIn, type TestApp, type Client, type TestResponse } from '../helpers/app.js';
import { buy, card } from '../helpers/commerce.js';
import { operationsOf } from '../helpers/openapi.js';

// Every route of the OpenAPI document x every kind of caller, against the answer each must get.
// Adèle (the owner) holds the resources; the others must not reach them, nor learn they exist.
const IDENTITIES = ['anonymous', 'owner', 'member', 'admin', 'billing', 'reader', 'otherOrgAdmin', 'revokedToken', 'expiredSession'] as const;
type Identity = (typeof IDENTITIES)[number];
type Expect = Partial<Record<Identity, number | number[]>>;

let app: TestApp;
const clients = {} as Record<Identity, (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<TestResponse>>;
const ids = {} as Record<string, string>;

beforeAll(async () => {
  app = await startTestApp();
  const signedIn = async (email: string) => {
    const c: Client = await app.signIn(email);
    return (m: string, p: string, b?: unknown, h?: Record<string, string>) => c.request(m, p, b, h);
  };
  const adele = await app.signIn('adele@contoso.example');
  clients.owner = (m, p, b, h) => adele.request(m, p, b, h);
  clients.member = await signedIn('megan@contoso.example');
  clients.admin = await signedIn('admin@contoso.example');
  clients.billing = await signedIn('billing@contoso.example');
  clients.reader = await signedIn('reader@contoso.example');
  clients.otherOrgAdmin = await signedIn('admin@fabrikam.example');
  clients.anonymous = (m, p, b, h) => send(app.url + p, m, b, h);
  const revoked = await adele.post('/api/tokens', { name: 'revoked' });
  await adele.delete(`/api/tokens/${revoked.body.id}`);
  clients.revokedToken = (m, p, b, h) => send(app.url + p, m, b, { authorization: `Bearer ${revoked.body.token}`, ...h });
  // a session of Adèle's that has expired: signed in a second later, then aged in the database
  app.clock.set(new Date(app.clock.now().getTime() + 1000));
  const stale = await signIn(app.url, 'adele@contoso.example');
  await app.deps.db.query(`UPDATE sessions SET expires_at = '2026-03-01T00:00:00Z' WHERE person_id = $1 AND created_at = $2`, [adele.personId, app.clock.now()]);
  clients.expiredSession = (m, p, b, h) => stale.request(m, p, b, h);

  const a = (await buy(adele, { quantity: 5 })).body;
  const b = (await buy(adele, { productId: 'CFQ7TTC0HD33', quantity: 2 })).body;
  const c = (await buy(adele, { productId: 'CFQ7TTC0HDB1', quantity: 2 })).body;
  const megan = await app.signIn('megan@contoso.example');
  Object.assign(ids, {
    subA: a.id, subB: b.id, subC: c.id, profile: a.billingProfile.id, card: a.paymentMethod.id,
    spareCard: (await adele.post('/api/payment-methods', { card: card() })).body.id,
    spareCard2: (await adele.post('/api/payment-methods', { card: card() })).body.id,
    token: (await adele.post('/api/tokens', { name: 'spare' })).body.id,
    invoice: (await adele.get('/api/invoices')).body.items[0].id,
    adele: adele.personId, megan: megan.personId,
  });
});
afterAll(() => app?.close());

const contoso = (status: number | number[]): Expect => ({ owner: status, member: status, admin: status, billing: status, reader: status });
const everyone = (status: number | number[]): Expect => ({ ...contoso(status), otherOrgAdmin: status });
/** Adèle's own things (invoices, cards, billing profiles, tokens): nobody else even learns they exist. */
const personal = (owner: number, readerOnWrite?: number): Expect => ({ ...everyone(404), owner, ...(readerOnWrite ? { reader: readerOnWrite } : {}) });
/** Her subscriptions: admins and the global reader read them; only she changes them. */
const subscriptionRead = (owner = 200): Expect => ({ owner, member: 404, admin: 200, billing: 200, reader: 200, otherOrgAdmin: 404 });
const subscriptionWrite = (owner = 200): Expect => ({ owner, member: 404, admin: 403, billing: 403, reader: 403, otherOrgAdmin: 404 });
const adminRead: Expect = { owner: 403, member: 403, admin: 200, billing: 200, reader: 200, otherOrgAdmin: 200 };
const key = () => ({ 'idempotency-key': randomUUID() });

const CASES: Record<string, { path: () => string; body?: () => unknown; headers?: () => Record<string, string>; expect: Expect }> = {
  // public: a wrong sign-in is the same 401 for everyone
  'POST /api/session': { path: () => '/api/session', body: () => ({ email: `nobody-${randomUUID()}@contoso.example`, password: 'wrong' }), expect: everyone(401) },
  'GET /api/me': { path: () => '/api/me', expect: everyone(200) },
  'POST /api/tokens': { path: () => '/api/tokens', body: () => ({ name: 'matrix' }), expect: everyone(201) },
  'GET /api/tokens': { path: () => '/api/tokens', expect: everyone(200) },
  'DELETE /api/tokens/{id}': { path: () => `/api/tokens/${ids.token}`, expect: personal(204) },
  'GET /api/people': { path: () => '/api/people?search=a', expect: everyone(200) },
  'GET /api/products': { path: () => '/api/products', expect: everyone(200) },
  'GET /api/subscriptions': { path: () => '/api/subscriptions', expect: everyone(200) },
  'POST /api/subscriptions': { path: () => '/api/subscriptions', body: () => ({ productId: 'CFQ7TTC0HD33', quantity: 1, term: 'monthly', card: card(), billingProfile: { name: 'x', address: { line1: 'a', city: 'b', postalCode: 'c' }, country: 'FR' } }), headers: key, expect: { ...everyone(201), reader: 403 } },
  'GET /api/subscriptions/quote': { path: () => '/api/subscriptions/quote?productId=CFQ7TTC0HD33&quantity=2&term=monthly', expect: everyone(200) },
  'GET /api/subscriptions/{id}': { path: () => `/api/subscriptions/${ids.subA}`, expect: subscriptionRead() },
  'PUT /api/subscriptions/{id}/licenses': { path: () => `/api/subscriptions/${ids.subA}/licenses`, body: () => ({ total: 5 }), expect: subscriptionWrite() },
  'POST /api/subscriptions/{id}/cancel': { path: () => `/api/subscriptions/${ids.subB}/cancel`, body: () => ({ reason: 'other' }), expect: subscriptionWrite() },
  'PUT /api/subscriptions/{id}/auto-renew': { path: () => `/api/subscriptions/${ids.subA}/auto-renew`, body: () => ({ enabled: true }), expect: subscriptionWrite() },
  'POST /api/subscriptions/{id}/reactivate': { path: () => `/api/subscriptions/${ids.subB}/reactivate`, headers: key, expect: subscriptionWrite() },
  'GET /api/licenses': { path: () => '/api/licenses', expect: everyone(200) },
  'GET /api/subscriptions/{id}/assignments': { path: () => `/api/subscriptions/${ids.subA}/assignments`, expect: subscriptionRead() },
  'POST /api/subscriptions/{id}/assignments': { path: () => `/api/subscriptions/${ids.subA}/assignments`, body: () => ({ userIds: [ids.megan] }), expect: subscriptionWrite() },
  'GET /api/subscriptions/{id}/assignments.csv': { path: () => `/api/subscriptions/${ids.subA}/assignments.csv`, expect: subscriptionRead() },
  'POST /api/subscriptions/{id}/assignments/remove': { path: () => `/api/subscriptions/${ids.subA}/assignments/remove`, body: () => ({ userIds: [ids.megan] }), expect: subscriptionWrite() },
  'GET /v1.0/me': { path: () => '/v1.0/me', expect: everyone(200) },
  'GET /v1.0/users': { path: () => '/v1.0/users?$top=5', expect: everyone(200) },
  'GET /v1.0/users/{id}': { path: () => `/v1.0/users/${ids.adele}`, expect: { ...contoso(200), otherOrgAdmin: 404 } },
  'GET /v1.0/subscribedSkus': { path: () => '/v1.0/subscribedSkus', expect: everyone(200) },
  'POST /v1.0/users/{id}/assignLicense': { path: () => `/v1.0/users/${ids.megan}/assignLicense`, body: () => ({ addLicenses: [], removeLicenses: [] }), expect: { ...contoso(200), otherOrgAdmin: 404 } },
  'GET /v1.0/users/{id}/licenseDetails': { path: () => `/v1.0/users/${ids.adele}/licenseDetails`, expect: { ...contoso(200), otherOrgAdmin: 404 } },
  'GET /api/payment-methods': { path: () => '/api/payment-methods', expect: everyone(200) },
  'POST /api/payment-methods': { path: () => '/api/payment-methods', body: () => ({ card: card() }), expect: { ...everyone(201), reader: 403 } },
  'PATCH /api/payment-methods/{id}': { path: () => `/api/payment-methods/${ids.spareCard}`, body: () => ({ nameOnCard: 'New name' }), expect: personal(200, 403) },
  'DELETE /api/payment-methods/{id}': { path: () => `/api/payment-methods/${ids.spareCard2}`, expect: personal(204, 403) },
  'GET /api/billing-profiles': { path: () => '/api/billing-profiles', expect: everyone(200) },
  'GET /api/billing-profiles/{id}': { path: () => `/api/billing-profiles/${ids.profile}`, expect: personal(200) },
  'PATCH /api/billing-profiles/{id}': { path: () => `/api/billing-profiles/${ids.profile}`, body: () => ({ name: 'Renamed' }), expect: personal(200, 403) },
  'PUT /api/billing-profiles/{id}/payment-method': { path: () => `/api/billing-profiles/${ids.profile}/payment-method`, body: () => ({ paymentMethodId: ids.card }), expect: personal(200, 403) },
  'GET /api/invoices': { path: () => '/api/invoices', expect: everyone(200) },
  'GET /api/invoices.csv': { path: () => '/api/invoices.csv', expect: everyone(200) },
  'GET /api/invoices/{id}': { path: () => `/api/invoices/${ids.invoice}`, expect: personal(200) },
  'GET /api/invoices/{id}/pdf': { path: () => `/api/invoices/${ids.invoice}/pdf`, expect: personal(200) },
  'POST /api/invoices/{id}/pay': { path: () => `/api/invoices/${ids.invoice}/pay`, body: () => ({ paymentMethodId: ids.card }), headers: key, expect: personal(409, 403) },
  'GET /api/admin/self-service-purchases': { path: () => '/api/admin/self-service-purchases', expect: adminRead },
  'GET /api/admin/self-service-purchases/{id}': { path: () => `/api/admin/self-service-purchases/${ids.subA}`, expect: { ...adminRead, otherOrgAdmin: 404 } },
  'GET /api/admin/self-service-purchases/by-product': { path: () => '/api/admin/self-service-purchases/by-product', expect: adminRead },
  'GET /api/admin/self-service-purchases.csv': { path: () => '/api/admin/self-service-purchases.csv', expect: adminRead },
  'POST /api/admin/self-service-purchases/{id}/take-control': { path: () => `/api/admin/self-service-purchases/${ids.subC}/take-control`, body: () => ({ action: 'cancel', reason: 'matrix' }), expect: { owner: 403, member: 403, admin: 200, billing: 409, reader: 403, otherOrgAdmin: 404 } },
  'GET /api/admin/self-service-policy': { path: () => '/api/admin/self-service-policy', expect: adminRead },
  'PUT /api/admin/self-service-policy/{productId}': { path: () => '/api/admin/self-service-policy/CFQ7TTC0HD33', body: () => ({ value: 'Enabled' }), expect: { ...adminRead, reader: 403 } },
  'GET /api/admin/audit': { path: () => '/api/admin/audit', expect: adminRead },
  'GET /api/admin/audit.csv': { path: () => '/api/admin/audit.csv', expect: adminRead },
  'GET /api/notifications': { path: () => '/api/notifications', expect: everyone(200) },
  'POST /api/notifications/read': { path: () => '/api/notifications/read', body: () => ({}), expect: everyone(200) },
  // last: it ends each caller's session
  'DELETE /api/session': { path: () => '/api/session', expect: everyone(204) },
};

describe('the authorization matrix', () => {
  it('answers every caller of every route as expected, with no cross-tenant read and no existence leak', async () => {
    const operations = (await operationsOf(app.url)).map((o) => `${o.method} ${o.path}`);
    expect(Object.keys(CASES).sort()).toEqual(operations.sort());
    const rows: string[] = [];
    let cells = 0;
    const secrets = () => [ids.subA, ids.invoice, ids.profile, ids.spareCard, 'adele@contoso.example'];
    for (const [name, c] of Object.entries(CASES)) {
      const [method] = name.split(' ');
      const got: string[] = [];
      for (const who of IDENTITIES) {
        const expected = who === 'anonymous' || who === 'revokedToken' || who === 'expiredSession' ? 401 : c.expect[who];
        const res = await clients[who](method!, c.path(), c.body?.(), c.headers?.());
        cells++;
        got.push(String(res.status));
        expect([expected].flat(), `${name} as ${who}: ${res.text.slice(0, 200)}`).toContain(res.status);
        if (who === 'otherOrgAdmin' && res.status < 300) {
          for (const secret of secrets()) expect(res.text, `${name} leaks ${secret} to another organization`).not.toContain(secret);
        }
        if (res.status === 404 && c.path().match(/[0-9a-f-]{36}/)) {
          // the same answer as for something that does not exist at all
          const ghost = await clients[who](method!, c.path().replace(/[0-9a-f]{8}-[0-9a-f-]{27}/, randomUUID()), c.body?.(), c.headers?.());
          expect(ghost.status, `${name} as ${who}: existence leak`).toBe(404);
        }
      }
      rows.push(`| ${name} | ${got.join(' | ')} |`);
    }
    console.log(['| route | ' + IDENTITIES.join(' | ') + ' |', '|' + ' --- |'.repeat(IDENTITIES.length + 1), ...rows].join('\n'));
    console.log(`authorization matrix: ${Object.keys(CASES).length} routes x ${IDENTITIES.length} callers = ${cells} cells checked`);
  }, 120_000);
});
