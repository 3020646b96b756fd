import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client as GraphClient } from '@microsoft/microsoft-graph-client';
import { startTestApp, type TestApp, type Client } from '../helpers/app.js';
import { graphError } from '../helpers/graph.js';
import { buy, POWER_BI_PRO, subscriptionIn } from '../helpers/commerce.js';

// The official Microsoft Graph JavaScript client, pointed at our server with an API token.
let app: TestApp;
let adele: Client;
let graph: GraphClient;
let fabrikamGraph: GraphClient;
const POWER_BI_PRO_SKU = 'f8a1db68-be16-40ed-86d5-cb42ce701560';

// The client's authProvider sends tokens only over https (to graph.microsoft.com or customHosts)
// and strips an "Authorization" header elsewhere; the test server speaks plain http, so the
// bearer token rides in the client's default headers under the lower-case name.
const clientFor = (token: string) =>
  GraphClient.init({
    baseUrl: app.url,
    defaultVersion: 'v1.0',
    authProvider: (done) => done(null, ''),
    fetchOptions: { headers: { authorization: `Bearer ${token}` } },
  });

beforeAll(async () => {
  app = await startTestApp();
  adele = await app.signIn('adele@contoso.example');
  graph = clientFor((await adele.post('/api/tokens', { name: 'graph' })).body.token);
  const joni = await app.signIn('joni@fabrikam.example');
  fabrikamGraph = clientFor((await joni.post('/api/tokens', { name: 'graph' })).body.token);
});
afterAll(() => app?.close());

describe('the Graph-compatible API through the official Graph client', () => {
  it('reads me and users, with $filter startswith, $select, $top and @odata.nextLink paging', async () => {
    const me = await graph.api('/me').get();
    expect(me).toMatchObject({
      displayName: 'Adèle Vance',
      mail: 'adele@contoso.example',
      userPrincipalName: 'adele@contoso.example',
      businessPhones: [],
    });
    // Graph's default property set: the usage location, the licenses and the account state only when $select asks
    expect(me).not.toHaveProperty('usageLocation');
    expect(await graph.api('/me').select('usageLocation,accountEnabled,assignedLicenses').get()).toEqual({
      '@odata.context': `${app.url}/v1.0/$metadata#users(accountEnabled,usageLocation,assignedLicenses)/$entity`,
      usageLocation: 'FR',
      accountEnabled: true,
      assignedLicenses: [],
    });
    const found = await graph.api('/users').filter("startswith(displayName,'Meg')").select('id,displayName').get();
    expect(found.value).toEqual([{ id: expect.any(String), displayName: 'Megan Bowen' }]);
    const seen = new Set<string>();
    let page = await graph.api('/users').top(10).get();
    let pages = 1;
    while (true) {
      for (const u of page.value) seen.add(u.id);
      if (!page['@odata.nextLink']) break;
      const next = new URL(page['@odata.nextLink']);
      expect(next.origin).toBe(app.url);
      // the client takes an absolute link only for https; ours is http, so it gets the path
      page = await graph.api(next.pathname.replace('/v1.0', '') + next.search).get();
      pages++;
    }
    const n = (
      await app.deps.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM people p JOIN organizations o ON o.id = p.org_id WHERE o.name = 'Contoso'`,
      )
    )[0]!.n;
    expect(seen.size).toBe(n);
    expect(pages).toBe(Math.ceil(n / 10));
    expect((await graph.api('/users/megan@contoso.example').get()).displayName).toBe('Megan Bowen');
    const unsupported = await graphError(() => graph.api('/users').filter("endswith(mail,'x')").get());
    expect([unsupported.statusCode, unsupported.code]).toEqual([400, 'Request_UnsupportedQuery']);
  });

  it('assigns and removes a license with assignLicense, shows it in licenseDetails and subscribedSkus', async () => {
    await buy(adele, { productId: POWER_BI_PRO, quantity: 2 });
    const user = await graph.api('/users/megan@contoso.example').get();
    const res = await graph
      .api(`/users/${user.id}/assignLicense`)
      .post({ addLicenses: [{ skuId: POWER_BI_PRO_SKU, disabledPlans: [] }], removeLicenses: [] });
    expect(res.id).toBe(user.id);
    const details = await graph.api(`/users/${user.id}/licenseDetails`).get();
    expect(details.value.map((d: { skuPartNumber: string }) => d.skuPartNumber)).toEqual(['POWER_BI_PRO']);
    const skus = (await graph.api('/subscribedSkus').get()).value;
    expect(skus.find((s: { skuId: string }) => s.skuId === POWER_BI_PRO_SKU)).toMatchObject({
      skuPartNumber: 'POWER_BI_PRO',
      appliesTo: 'User',
      capabilityStatus: 'Enabled',
      consumedUnits: 1,
      prepaidUnits: { enabled: 2, warning: 0, suspended: 0, lockedOut: 0 },
    });
    await graph.api(`/users/${user.id}/assignLicense`).post({ addLicenses: [], removeLicenses: [POWER_BI_PRO_SKU] });
    expect((await graph.api(`/users/${user.id}/licenseDetails`).get()).value).toEqual([]);
  });

  it('assigns from whichever of your subscriptions has a license free, and assigning a license held is a no-op', async () => {
    const PROJECT_P1 = 'CFQ7TTC0HDB1';
    const sku = (
      await app.deps.db.query<{ skuId: string }>('SELECT sku_id AS "skuId" FROM products WHERE id = $1', [PROJECT_P1])
    )[0]!.skuId;
    const first = (await buy(adele, { productId: PROJECT_P1, quantity: 2 })).body;
    const second = (await buy(adele, { productId: PROJECT_P1, quantity: 1 })).body;
    const [a, b] = await app.deps.db.query<{ id: string }>(
      `SELECT p.id FROM people p JOIN organizations o ON o.id = p.org_id WHERE o.name = 'Contoso' AND p.usage_location IS NOT NULL AND p.status = 'active' ORDER BY p.email LIMIT 2 OFFSET 5`,
    );
    const add = (id: string) =>
      graph
        .api(`/users/${id}/assignLicense`)
        .post({ addLicenses: [{ skuId: sku, disabledPlans: [] }], removeLicenses: [] });
    for (const id of [a!.id, a!.id, b!.id, a!.id]) await add(id); // a license held already: nothing changes, no error
    const assigned = async (id: string) =>
      (await app.deps.db.query<{ n: number }>('SELECT assigned AS n FROM subscriptions WHERE id = $1', [id]))[0]!.n;
    expect((await assigned(first.id)) + (await assigned(second.id))).toBe(2);
    const projectSku = (await graph.api('/subscribedSkus').get()).value.find((s: { skuId: string }) => s.skuId === sku);
    expect(projectSku).toMatchObject({ consumedUnits: 2, prepaidUnits: { enabled: 3 } });
    expect(new Set(projectSku.subscriptionIds)).toEqual(new Set([first.id, second.id]));
  });

  it('shows Warning for expired and Suspended for disabled subscriptions; everyone sees the subscriptions they bought, which their assignLicense draws from', async () => {
    const withStatus = (productId: string, status: 'expired' | 'disabled', quantity: number) =>
      subscriptionIn(app, adele, { status, productId, quantity });
    const [expired, disabled] = [
      await withStatus('CFQ7TTC0HDB0', 'expired', 4),
      await withStatus('CFQ7TTC0H6RP', 'disabled', 6),
    ];
    const skus = (await graph.api('/subscribedSkus').get()).value as {
      skuPartNumber: string;
      capabilityStatus: string;
      prepaidUnits: object;
      subscriptionIds: string[];
    }[];
    const of = (part: string) => skus.find((s) => s.skuPartNumber === part);
    expect(of('PROJECTPROFESSIONAL')).toMatchObject({
      capabilityStatus: 'Warning',
      prepaidUnits: { enabled: 0, warning: 4, suspended: 0, lockedOut: 0 },
      subscriptionIds: [expired.id],
    });
    expect(of('PBI_PREMIUM_PER_USER')).toMatchObject({
      capabilityStatus: 'Suspended',
      prepaidUnits: { enabled: 0, warning: 0, suspended: 6, lockedOut: 0 },
      subscriptionIds: [disabled.id],
    });
    const tokenOf = async (email: string) =>
      (await (await app.signIn(email)).post('/api/tokens', { name: 'graph' })).body.token as string;
    // an admin reads members' purchases in the admin views, but cannot assign from them: subscribedSkus shows what they can
    const adminGraph = clientFor(await tokenOf('admin@contoso.example'));
    const admins = (await adminGraph.api('/subscribedSkus').get()).value as { skuPartNumber: string }[];
    expect(admins.map((s) => s.skuPartNumber)).not.toContain('PROJECTPROFESSIONAL');
    const notTheirs = await graphError(() =>
      adminGraph
        .api(`/users/${adele.personId}/assignLicense`)
        .post({ addLicenses: [{ skuId: POWER_BI_PRO_SKU }], removeLicenses: [] }),
    );
    expect([notTheirs.statusCode, notTheirs.message]).toEqual([
      400,
      `License ${POWER_BI_PRO_SKU} does not correspond to a valid company License.`,
    ]);
    const megans = (
      await clientFor(await tokenOf('megan@contoso.example'))
        .api('/subscribedSkus')
        .get()
    ).value as { skuPartNumber: string }[];
    expect(megans.map((s) => s.skuPartNumber)).not.toContain('PROJECTPROFESSIONAL');
    expect((await fabrikamGraph.api('/subscribedSkus').get()).value).toEqual([]);
  });

  it("answers bad requests and other organizations' users in Graph's shape", async () => {
    const me = await graph.api('/me').select('id').get();
    expect(me).toEqual({ '@odata.context': expect.any(String), id: expect.any(String) });
    const noRemove = await graphError(() => graph.api(`/users/${me.id}/assignLicense`).post({ addLicenses: [] }));
    expect([noRemove.statusCode, noRemove.code]).toEqual([400, 'Request_BadRequest']);
    const badSku = await graphError(() =>
      graph.api(`/users/${me.id}/assignLicense`).post({ addLicenses: [{ skuId: 'nope' }], removeLicenses: [] }),
    );
    expect([badSku.statusCode, badSku.code]).toEqual([400, 'Request_BadRequest']);
    expect((await graphError(() => graph.api('/users').top(0).get())).statusCode).toBe(400);
    // Fabrikam's caller can neither read nor license a Contoso person
    expect((await graphError(() => fabrikamGraph.api(`/users/${me.id}/licenseDetails`).get())).statusCode).toBe(404);
    const cross = await graphError(() =>
      fabrikamGraph
        .api(`/users/${me.id}/assignLicense`)
        .post({ addLicenses: [{ skuId: POWER_BI_PRO_SKU }], removeLicenses: [] }),
    );
    expect([cross.statusCode, cross.code]).toEqual([404, 'Request_ResourceNotFound']);
  });

  it("answers in Graph's error shape with Graph's messages", async () => {
    await buy(adele, { productId: 'CFQ7TTC0HD33', quantity: 1 });
    const visioSku = 'ca7f3140-d88c-455b-9a1c-7f0679e31a76';
    const [first, second] = await app.deps.db.query<{ id: string }>(
      `SELECT p.id FROM people p JOIN organizations o ON o.id = p.org_id WHERE o.name = 'Contoso' AND p.usage_location IS NOT NULL AND p.status = 'active' ORDER BY p.email DESC LIMIT 2`,
    );
    await graph
      .api(`/users/${first!.id}/assignLicense`)
      .post({ addLicenses: [{ skuId: visioSku }], removeLicenses: [] });
    const full = await graphError(() =>
      graph.api(`/users/${second!.id}/assignLicense`).post({ addLicenses: [{ skuId: visioSku }], removeLicenses: [] }),
    );
    expect([full.statusCode, full.code, full.message]).toEqual([
      400,
      'Request_BadRequest',
      `Subscription with SKU ${visioSku} does not have any available licenses.`,
    ]);
    const nestor = await graph.api('/users/nestor.wilke@contoso.example').get();
    await buy(adele, { productId: 'CFQ7TTC0HD33', quantity: 1 });
    const location = await graphError(() =>
      graph.api(`/users/${nestor.id}/assignLicense`).post({ addLicenses: [{ skuId: visioSku }], removeLicenses: [] }),
    );
    expect([location.statusCode, location.message]).toEqual([
      400,
      'License assignment cannot be done for user with invalid usage location.',
    ]);
    const missing = await graphError(() => graph.api('/users/nobody@contoso.example').get());
    expect([missing.statusCode, missing.code]).toEqual([404, 'Request_ResourceNotFound']);
    // another organization's people do not exist for this caller
    expect((await graphError(() => fabrikamGraph.api(`/users/${nestor.id}`).get())).statusCode).toBe(404);
    const anonymous = await graphError(() => clientFor('not-a-token').api('/me').get());
    expect([anonymous.statusCode, anonymous.code]).toEqual([401, 'InvalidAuthenticationToken']);
  });
});
