import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client as GraphClient } from '@microsoft/microsoft-graph-client';
import { Agent } from 'undici';
import { startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { graphError } from '../helpers/graph.js';
import { buy, POWER_BI_PRO } from '../helpers/commerce.js';
import { startTlsFront, TEST_CA, type TlsFront } from '../helpers/tls-front.js';

// Graph's traps, each against the v1.0 reference, through the official client configured as its
// documentation says: https, the host in customHosts (so it sends the token and client-request-id).
const POWER_BI_PRO_SKU = 'f8a1db68-be16-40ed-86d5-cb42ce701560';
let front: TlsFront;
let app: TestApp;
let adele: Client;
let graph: GraphClient;
let adminGraph: GraphClient;
let memberCount: number;
const trusting = new Agent({ connect: { ca: TEST_CA } });

const clientFor = (token: string) =>
  GraphClient.init({
    baseUrl: front.url,
    defaultVersion: 'v1.0',
    customHosts: new Set(['127.0.0.1']),
    fetchOptions: { dispatcher: trusting } as RequestInit,
    authProvider: (done) => done(null, token),
  });
const tokenOf = async (c: Client) => (await c.post('/api/tokens', { name: 'graph' })).body.token as string;
const eventual = (request: ReturnType<GraphClient['api']>) => request.header('ConsistencyLevel', 'eventual');
const names = (page: { value: { displayName: string }[] }) => page.value.map((u) => u.displayName);

beforeAll(async () => {
  front = await startTlsFront();
  app = await startTestApp({ env: { PUBLIC_URL: front.url } });
  front.target = Number(new URL(app.url).port);
  adele = await app.signIn('adele@contoso.example');
  graph = clientFor(await tokenOf(adele));
  adminGraph = clientFor(await tokenOf(await app.signIn('admin@contoso.example')));
  memberCount = (
    await app.deps.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM people p JOIN organizations o ON o.id = p.org_id WHERE o.name = 'Contoso' AND p.deleted_at IS NULL`,
    )
  )[0]!.n;
  // name parts and title, as provisioning (SCIM) keeps them
  await app.deps.db
    .query(`UPDATE people SET scim_attributes = '{"name": {"givenName": "Megan", "familyName": "Bowen"}, "title": "Marketing Manager"}'
    WHERE email = 'megan@contoso.example'`);
});
afterAll(async () => {
  await app?.close();
  await front?.close();
  await trusting.close();
});

describe("Graph's query options: honoured or refused as Graph does, never ignored", () => {
  it('$search needs ConsistencyLevel: eventual, then matches words of the display name or e-mail', async () => {
    const refused = await graphError(() => graph.api('/users').search('"displayName:meg"').get());
    expect([refused.statusCode, refused.code, refused.message]).toEqual([
      400,
      'Request_UnsupportedQuery',
      "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
    ]);
    expect(names(await eventual(graph.api('/users').search('"displayName:bowen"')).get())).toEqual(['Megan Bowen']);
    expect(names(await eventual(graph.api('/users').search('"displayName:meg" OR "mail:adele"')).get())).toEqual([
      'Adèle Vance',
      'Megan Bowen',
    ]);
    expect((await eventual(graph.api('/users').search('"displayName:meg" AND "mail:adele"')).get()).value).toEqual([]);
    const bad = await graphError(() => eventual(graph.api('/users').search('meg')).get());
    expect([bad.statusCode, bad.code]).toEqual([400, 'Request_BadRequest']);
  });

  it('$count=true counts with ConsistencyLevel: eventual (and, as Graph, is left out without it); /users/$count likewise', async () => {
    const counted = await eventual(graph.api('/users').count(true).top(5)).get();
    expect([counted['@odata.count'], counted.value.length]).toEqual([memberCount, 5]);
    expect(await graph.api('/users').count(true).top(5).get()).not.toHaveProperty('@odata.count');
    expect(String(await eventual(graph.api('/users/$count')).get())).toBe(String(memberCount));
    const refused = await graphError(() => graph.api('/users/$count').get());
    expect([refused.statusCode, refused.code, refused.message]).toEqual([
      400,
      'Request_BadRequest',
      '$count is not currently supported.',
    ]);
    const disabled = await eventual(graph.api('/users').filter('accountEnabled eq false').count(true)).get();
    expect(disabled['@odata.count']).toBe(disabled.value.length);
  });

  it('$orderby sorts by displayName or userPrincipalName, both ways; with $filter only as an advanced query', async () => {
    const sortedDesc = names(await graph.api('/users').orderby('displayName desc').top(999).get());
    expect(sortedDesc).toHaveLength(memberCount);
    expect(sortedDesc).toEqual([...sortedDesc].sort((a, b) => b.localeCompare(a, 'en', { sensitivity: 'base' })));
    const byUpn = (
      await graph.api('/users').orderby('userPrincipalName').select('userPrincipalName').top(999).get()
    ).value.map((u: { userPrincipalName: string }) => u.userPrincipalName);
    expect(byUpn).toEqual([...byUpn].sort());
    // paging keeps the order
    const first = await graph.api('/users').orderby('displayName desc').top(10).get();
    const next = new URL(first['@odata.nextLink']);
    expect(next.origin).toBe(front.url);
    expect(names(await graph.api(first['@odata.nextLink']).get())).toEqual(sortedDesc.slice(10, 20));
    const both = await graphError(() =>
      graph.api('/users').filter("startswith(displayName,'a')").orderby('displayName').get(),
    );
    expect([both.statusCode, both.code, both.message]).toEqual([
      400,
      'Request_UnsupportedQuery',
      'Sorting not supported for current query.',
    ]);
    const advanced = names(
      await eventual(
        graph.api('/users').filter("startswith(displayName,'a')").orderby('displayName desc').count(true),
      ).get(),
    );
    expect(advanced.length).toBeGreaterThan(1);
    expect(advanced).toEqual([...advanced].sort((a, b) => b.localeCompare(a, 'en', { sensitivity: 'base' })));
    expect((await graphError(() => graph.api('/users').orderby('jobTitle').get())).code).toBe(
      'Request_UnsupportedQuery',
    );
  });

  it('$expand, $skip and options a route does not take are refused', async () => {
    const manager = await graphError(() => graph.api('/users').expand('manager').get());
    expect([manager.statusCode, manager.code]).toEqual([400, 'Request_UnsupportedQuery']);
    const property = await graphError(() => graph.api('/me').expand('displayName').get());
    expect(property.message).toBe(
      "Property 'displayName' on type 'microsoft.graph.user' is not a navigation property or complex property. Only navigation properties can be expanded.",
    );
    expect((await graphError(() => graph.api('/users').skip(5).get())).message).toMatch(
      /^Query option '\$skip' is not allowed/,
    );
    expect((await graphError(() => graph.api('/subscribedSkus').filter("skuPartNumber eq 'x'").get())).statusCode).toBe(
      400,
    );
    expect(
      (await graphError(() => graph.api('/users/megan@contoso.example/licenseDetails').orderby('skuId').get()))
        .statusCode,
    ).toBe(400);
  });

  it('$filter on accountEnabled, usageLocation, with in, ne and not (the last two as advanced queries) and assignedLicenses', async () => {
    expect(names(await graph.api('/users').filter('accountEnabled eq false').get())).toEqual(['Grady Archie']);
    const french = (await graph.api('/users').filter("usageLocation eq 'FR'").select('usageLocation').top(999).get())
      .value;
    expect(french.length).toBeGreaterThan(10);
    expect(new Set(french.map((u: { usageLocation: string }) => u.usageLocation))).toEqual(new Set(['FR']));
    const some = await graph
      .api('/users')
      .filter("userPrincipalName in ('megan@contoso.example', 'adele@contoso.example', 'nobody@contoso.example')")
      .get();
    expect(names(some)).toEqual(['Adèle Vance', 'Megan Bowen']);
    const ne = await graphError(() => graph.api('/users').filter('accountEnabled ne true').get());
    expect([ne.statusCode, ne.code]).toEqual([400, 'Request_UnsupportedQuery']);
    expect(ne.message).toMatch(/^Operator 'ne' is not supported because the required parameters might be missing/);
    expect(names(await eventual(graph.api('/users').filter('accountEnabled ne true').count(true)).get())).toEqual([
      'Grady Archie',
    ]);
    expect(names(await eventual(graph.api('/users').filter('usageLocation eq null').count(true)).get())).toEqual([
      'Nestor Wilke',
    ]);
    const notFrench = await eventual(graph.api('/users').filter("not(usageLocation in ('FR'))").count(true)).get();
    expect(names(notFrench)).toContain('Nestor Wilke');
    await buy(adele, { productId: POWER_BI_PRO, quantity: 1 });
    const megan = (await graph.api('/users/megan@contoso.example').get()).id;
    await graph
      .api(`/users/${megan}/assignLicense`)
      .post({ addLicenses: [{ skuId: POWER_BI_PRO_SKU }], removeLicenses: [] });
    expect(
      names(await graph.api('/users').filter(`assignedLicenses/any(x:x/skuId eq ${POWER_BI_PRO_SKU})`).get()),
    ).toEqual(['Megan Bowen']);
    const unknown = await graphError(() => graph.api('/users').filter("shoeSize eq '42'").get());
    expect([unknown.statusCode, unknown.message]).toEqual([
      400,
      "Could not find a property named 'shoeSize' on type 'microsoft.graph.user'.",
    ]);
    await graph.api(`/users/${megan}/assignLicense`).post({ addLicenses: [], removeLicenses: [POWER_BI_PRO_SKU] });
  });
});

describe("Graph's users, licenses, SKUs and organization", () => {
  it("returns Graph's default properties, the rest with $select", async () => {
    const megan = await graph.api('/users/megan@contoso.example').get();
    expect(megan).toEqual({
      '@odata.context': `${front.url}/v1.0/$metadata#users/$entity`,
      id: expect.any(String),
      displayName: 'Megan Bowen',
      givenName: 'Megan',
      surname: 'Bowen',
      jobTitle: 'Marketing Manager',
      mail: 'megan@contoso.example',
      userPrincipalName: 'megan@contoso.example',
      businessPhones: [],
      mobilePhone: null,
      officeLocation: null,
      preferredLanguage: null,
    });
    const selected = await graph
      .api('/users')
      .filter("mail eq 'megan@contoso.example'")
      .select('id,accountEnabled,usageLocation,assignedLicenses')
      .get();
    expect(selected.value).toEqual([{ id: megan.id, accountEnabled: true, usageLocation: 'FR', assignedLicenses: [] }]);
  });

  it('refuses an unknown SKU as Graph does, licenses a disabled person as Graph does, and honours disabledPlans', async () => {
    await buy(adele, { productId: POWER_BI_PRO, quantity: 2 });
    const megan = (await graph.api('/users/megan@contoso.example').get()).id;
    const unknownSku = '11111111-2222-3333-4444-555555555555';
    const unknown = await graphError(() =>
      graph.api(`/users/${megan}/assignLicense`).post({ addLicenses: [{ skuId: unknownSku }], removeLicenses: [] }),
    );
    expect([unknown.statusCode, unknown.code, unknown.message]).toEqual([
      400,
      'Request_BadRequest',
      `License ${unknownSku} does not correspond to a valid company License.`,
    ]);

    const grady = await graph.api('/users/grady.archie@contoso.example').select('id,accountEnabled').get();
    expect(grady.accountEnabled).toBe(false);
    await graph
      .api(`/users/${grady.id}/assignLicense`)
      .post({ addLicenses: [{ skuId: POWER_BI_PRO_SKU }], removeLicenses: [] });
    expect((await graph.api(`/users/${grady.id}/licenseDetails`).get()).value).toHaveLength(1);

    const plans = (await graph.api('/subscribedSkus').get()).value.find(
      (s: { skuId: string }) => s.skuId === POWER_BI_PRO_SKU,
    ).servicePlans as { servicePlanId: string }[];
    expect(plans.length).toBeGreaterThan(1);
    const off = plans[0]!.servicePlanId;
    await graph
      .api(`/users/${megan}/assignLicense`)
      .post({ addLicenses: [{ skuId: POWER_BI_PRO_SKU, disabledPlans: [off] }], removeLicenses: [] });
    const statuses = async () =>
      Object.fromEntries(
        (await graph.api(`/users/${megan}/licenseDetails`).get()).value[0].servicePlans.map(
          (p: { servicePlanId: string; provisioningStatus: string }) => [p.servicePlanId, p.provisioningStatus],
        ),
      );
    expect(await statuses()).toEqual(
      Object.fromEntries(plans.map((p) => [p.servicePlanId, p.servicePlanId === off ? 'Disabled' : 'Success'])),
    );
    expect((await graph.api(`/users/${megan}`).select('assignedLicenses').get()).assignedLicenses).toEqual([
      { skuId: POWER_BI_PRO_SKU, disabledPlans: [off] },
    ]);
    // the same SKU again with other disabledPlans changes them, keeping the one license
    await graph
      .api(`/users/${megan}/assignLicense`)
      .post({ addLicenses: [{ skuId: POWER_BI_PRO_SKU, disabledPlans: [] }], removeLicenses: [] });
    expect(Object.values(await statuses())).toEqual(plans.map(() => 'Success'));
    expect(
      (await graph.api('/subscribedSkus').get()).value.find((s: { skuId: string }) => s.skuId === POWER_BI_PRO_SKU)
        .consumedUnits,
    ).toBe(2);
    const badPlan = await graphError(() =>
      graph
        .api(`/users/${megan}/assignLicense`)
        .post({ addLicenses: [{ skuId: POWER_BI_PRO_SKU, disabledPlans: [unknownSku] }], removeLicenses: [] }),
    );
    expect([badPlan.statusCode, badPlan.code]).toEqual([400, 'Request_BadRequest']);
    // removing the license takes its disabled plans with it
    await graph.api(`/users/${megan}/assignLicense`).post({ addLicenses: [], removeLicenses: [POWER_BI_PRO_SKU] });
    await graph.api(`/users/${grady.id}/assignLicense`).post({ addLicenses: [], removeLicenses: [POWER_BI_PRO_SKU] });
  });

  it('changes a usage location with PATCH /users/{id} (admins only), then licenses can be assigned', async () => {
    const nestor = (await adminGraph.api('/users/nestor.wilke@contoso.example').get()).id;
    const member = await graphError(() => graph.api(`/users/${nestor}`).patch({ usageLocation: 'DE' }));
    expect([member.statusCode, member.code, member.message]).toEqual([
      403,
      'Authorization_RequestDenied',
      'Insufficient privileges to complete the operation.',
    ]);
    const invalid = await graphError(() => adminGraph.api(`/users/${nestor}`).patch({ usageLocation: 'Germany' }));
    expect([invalid.statusCode, invalid.code]).toEqual([400, 'Request_BadRequest']);
    await adminGraph.api(`/users/${nestor}`).patch({ usageLocation: 'de' });
    expect((await graph.api(`/users/${nestor}`).select('usageLocation').get()).usageLocation).toBe('DE');
    await graph
      .api(`/users/${nestor}/assignLicense`)
      .post({ addLicenses: [{ skuId: POWER_BI_PRO_SKU }], removeLicenses: [] });
    expect((await graph.api(`/users/${nestor}/licenseDetails`).get()).value).toHaveLength(1);
    await graph.api(`/users/${nestor}/assignLicense`).post({ addLicenses: [], removeLicenses: [POWER_BI_PRO_SKU] });
  });

  it('serves /me/licenseDetails and /me/assignLicense', async () => {
    await graph.api('/me/assignLicense').post({ addLicenses: [{ skuId: POWER_BI_PRO_SKU }], removeLicenses: [] });
    const mine = await graph.api('/me/licenseDetails').get();
    expect(mine.value.map((d: { skuPartNumber: string }) => d.skuPartNumber)).toEqual(['POWER_BI_PRO']);
    const me = await graph.api('/me/assignLicense').post({ addLicenses: [], removeLicenses: [POWER_BI_PRO_SKU] });
    expect(me.displayName).toBe('Adèle Vance');
    expect((await graph.api('/me/licenseDetails').get()).value).toEqual([]);
  });

  it('reads a subscribedSku by id with its account, and the organization', async () => {
    const skus = (await graph.api('/subscribedSkus').get()).value;
    const sku = skus.find((s: { skuId: string }) => s.skuId === POWER_BI_PRO_SKU);
    expect(sku).toMatchObject({
      id: `${adele.orgId}_${POWER_BI_PRO_SKU}`,
      accountId: adele.orgId,
      accountName: 'Contoso',
    });
    expect(await graph.api(`/subscribedSkus/${sku.id}`).get()).toMatchObject({
      id: sku.id,
      prepaidUnits: sku.prepaidUnits,
      accountName: 'Contoso',
    });
    expect(await graph.api(`/subscribedSkus/${sku.id}`).select('skuPartNumber').get()).toEqual({
      '@odata.context': `${front.url}/v1.0/$metadata#subscribedSkus(skuPartNumber)/$entity`,
      skuPartNumber: 'POWER_BI_PRO',
    });
    expect(
      (
        await graphError(() =>
          graph.api(`/subscribedSkus/${adele.orgId}_${'0'.repeat(8)}-0000-0000-0000-${'0'.repeat(12)}`).get(),
        )
      ).statusCode,
    ).toBe(404);
    const org = (await graph.api('/organization').get()).value;
    expect(org).toEqual([
      expect.objectContaining({ id: adele.orgId, displayName: 'Contoso', countryLetterCode: 'FR', tenantType: 'AAD' }),
    ]);
    expect((await graph.api(`/organization/${adele.orgId}`).select('displayName').get()).displayName).toBe('Contoso');
  });

  it("what an admin's subscribedSkus shows is what their assignLicense can give, unit for unit", async () => {
    const admin = await app.signIn('admin@contoso.example');
    await buy(admin, { productId: POWER_BI_PRO, quantity: 2 });
    const units = async () =>
      (await adminGraph.api('/subscribedSkus').get()).value.find(
        (s: { skuId: string }) => s.skuId === POWER_BI_PRO_SKU,
      );
    expect(await units()).toMatchObject({ consumedUnits: 0, prepaidUnits: { enabled: 2 } });
    const people = (
      await adminGraph.api('/users').filter("usageLocation eq 'FR' and accountEnabled eq true").top(3).get()
    ).value as { id: string }[];
    for (const p of people.slice(0, 2))
      await adminGraph
        .api(`/users/${p.id}/assignLicense`)
        .post({ addLicenses: [{ skuId: POWER_BI_PRO_SKU }], removeLicenses: [] });
    expect(await units()).toMatchObject({ consumedUnits: 2, prepaidUnits: { enabled: 2 } });
    const full = await graphError(() =>
      adminGraph
        .api(`/users/${people[2]!.id}/assignLicense`)
        .post({ addLicenses: [{ skuId: POWER_BI_PRO_SKU }], removeLicenses: [] }),
    );
    expect(full.message).toBe(`Subscription with SKU ${POWER_BI_PRO_SKU} does not have any available licenses.`);
  });

  it("answers errors with Graph's innerError (date, request-id, client-request-id) and every response with request-id", async () => {
    const missing = await graphError(() => graph.api('/users/nobody@contoso.example').get());
    expect([missing.statusCode, missing.code]).toEqual([404, 'Request_ResourceNotFound']);
    expect(missing.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(Math.abs(missing.date.getTime() - Date.now())).toBeLessThan(60_000);
    const body = JSON.parse(missing.body as string);
    expect(body.innerError).toEqual({
      code: 'not_found',
      date: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/),
      'request-id': missing.requestId,
      'client-request-id': expect.any(String),
    });
    // the client's own client-request-id comes back, in the body and the headers
    expect(missing.headers?.get('client-request-id')).toBe(body.innerError['client-request-id']);
    const res = (await graph
      .api('/me')
      .responseType('raw' as never)
      .get()) as Response;
    expect(res.headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
