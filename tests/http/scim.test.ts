import { beforeAll, describe, expect, it } from 'vitest';
import { useSignedInApp, send } from '../helpers/app.js';
import { buy } from '../helpers/commerce.js';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const t = useSignedInApp(['admin']);
let token: string;
beforeAll(async () => {
  token = (await t.admin.post('/api/admin/provisioning/tokens', { name: 'Microsoft Entra ID' })).body.token;
});

/** A request as a provisioning client sends it: bearer token, application/scim+json. */
const scim = (method: string, path: string, body?: unknown, bearer = token) =>
  send(`${t.app.url}/scim/v2${path}`, method, body === undefined ? undefined : JSON.stringify(body), {
    authorization: `Bearer ${bearer}`,
    ...(body === undefined ? {} : { 'content-type': 'application/scim+json' }),
  });
const patch = (path: string, Operations: unknown[]) => scim('PATCH', path, { schemas: [PATCH_OP], Operations });
const filter = (f: string, extra = '') => scim('GET', `/Users?filter=${encodeURIComponent(f)}${extra}`);
const person = async (id: string) => (await t.admin.get(`/api/people/${id}`)).body;

/** The user Microsoft Entra ID creates with its default attribute mappings. */
const entraUser = (userName: string, extra: Record<string, unknown> = {}) => ({
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENTERPRISE],
  externalId: `AAD-${userName}`,
  userName,
  active: true,
  displayName: 'Zoe Quintero',
  emails: [{ primary: true, type: 'work', value: userName }],
  name: { formatted: 'Zoe Quintero', familyName: 'Quintero', givenName: 'Zoe' },
  title: 'Director',
  addresses: [{ type: 'work', country: 'ES', locality: 'Madrid', formatted: 'Madrid, ES' }],
  [ENTERPRISE]: { employeeNumber: '1042', department: 'Sales', manager: { value: 'mgr-1' } },
  ...extra,
});

describe('SCIM authentication, errors and discovery', () => {
  it('answers SCIM errors in application/scim+json, without a token or with a revoked one', async () => {
    const none = await send(`${t.app.url}/scim/v2/Users`, 'GET');
    expect(none.status).toBe(401);
    expect(none.headers.get('content-type')).toMatch(/^application\/scim\+json/);
    expect(none.body).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '401' });

    const spare = await t.admin.post('/api/admin/provisioning/tokens', { name: 'Okta' });
    expect(spare.body).toMatchObject({
      name: 'Okta',
      token: expect.stringMatching(/^scim_/),
      scimUrl: `${t.app.url}/scim/v2`,
    });
    expect((await scim('GET', '/Users?count=1', undefined, spare.body.token)).status).toBe(200);
    expect(
      (await t.admin.get('/api/admin/provisioning/tokens')).body.items.map((tok: { name: string }) => tok.name).sort(),
    ).toEqual(['Microsoft Entra ID', 'Okta']);
    expect((await t.admin.delete(`/api/admin/provisioning/tokens/${spare.body.id}`)).status).toBe(204);
    expect((await scim('GET', '/Users', undefined, spare.body.token)).status).toBe(401);

    const member = await t.app.signIn('adele@contoso.example');
    expect((await member.post('/api/admin/provisioning/tokens', { name: 'mine' })).status).toBe(403);
    expect((await scim('GET', '/Nothing')).body).toMatchObject({ status: '404' });
  });

  it('describes itself: ServiceProviderConfig, ResourceTypes, Schemas', async () => {
    const config = await scim('GET', '/ServiceProviderConfig');
    expect(config.headers.get('content-type')).toMatch(/^application\/scim\+json/);
    expect(config.body).toMatchObject({
      patch: { supported: true },
      filter: { supported: true, maxResults: 200 },
      bulk: { supported: false },
    });
    const types = await scim('GET', '/ResourceTypes');
    expect(types.body.Resources.map((r: { id: string }) => r.id)).toEqual(['User', 'Group']);
    expect(types.body.Resources[0].schemaExtensions).toEqual([{ schema: ENTERPRISE, required: false }]);
    const schemas = await scim('GET', '/Schemas');
    expect(schemas.body.totalResults).toBe(3);
    const user = await scim('GET', '/Schemas/urn:ietf:params:scim:schemas:core:2.0:User');
    expect(user.body.attributes.find((a: { name: string }) => a.name === 'userName')).toMatchObject({
      required: true,
      uniqueness: 'server',
    });
  });
});

describe('SCIM Users as Microsoft Entra ID and Okta send them', () => {
  let pattiId: string;

  it('looks up, creates, and refuses the same userName twice with 409 uniqueness', async () => {
    expect((await filter('userName eq "patti@contoso.example"')).body).toMatchObject({
      totalResults: 0,
      Resources: [],
    });
    const created = await scim('POST', '/Users', entraUser('Patti@contoso.example'));
    expect(created.status).toBe(201);
    pattiId = created.body.id;
    expect(created.headers.get('location')).toBe(`${t.app.url}/scim/v2/Users/${pattiId}`);
    expect(created.body).toMatchObject({
      userName: 'patti@contoso.example',
      active: true,
      externalId: 'AAD-Patti@contoso.example',
      title: 'Director',
      addresses: [{ type: 'work', country: 'ES', locality: 'Madrid' }],
      [ENTERPRISE]: { department: 'Sales' },
      meta: { resourceType: 'User', location: `${t.app.url}/scim/v2/Users/${pattiId}` },
    });
    expect(await person(pattiId)).toMatchObject({
      displayName: 'Zoe Quintero',
      email: 'patti@contoso.example',
      usageLocation: 'ES',
      role: 'member',
      status: 'active',
    });

    const again = await scim('POST', '/Users', entraUser('patti@contoso.example'));
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ status: '409', scimType: 'uniqueness' });
  });

  it('filters on userName, externalId, emails and displayName with eq, sw, co, pr, and, or, not', async () => {
    const ids = async (f: string) =>
      (await filter(f)).body.Resources.map((r: { userName: string }) => r.userName).sort();
    expect(await ids('userName eq "PATTI@contoso.example"')).toEqual(['patti@contoso.example']);
    expect(await ids('externalId eq "AAD-Patti@contoso.example"')).toEqual(['patti@contoso.example']);
    expect(await ids('externalId eq "aad-patti@contoso.example"')).toEqual([]);
    expect(await ids('emails[type eq "work"].value eq "patti@contoso.example"')).toEqual(['patti@contoso.example']);
    expect(await ids('emails[type eq "home"].value eq "patti@contoso.example"')).toEqual([]);
    expect(await ids('emails.value co "patti"')).toEqual(['patti@contoso.example']);
    expect(await ids('displayName sw "adè"')).toEqual(['adele@contoso.example']);
    expect(await ids('displayName co "quinter" or userName eq "megan@contoso.example"')).toEqual([
      'megan@contoso.example',
      'patti@contoso.example',
    ]);
    expect(await ids('externalId pr')).toEqual(['patti@contoso.example']);
    expect(await ids('externalId pr and not (userName sw "patti")')).toEqual([]);
    expect(await ids('userName ew "@contoso.example" and (displayName sw "Megan" or displayName sw "Zoe")')).toEqual([
      'megan@contoso.example',
      'patti@contoso.example',
    ]);
    for (const bad of ['userName eq', 'title eq "Director"', 'userName gt "a"', 'displayName eq 3']) {
      const res = await filter(bad);
      expect([res.status, res.body.scimType]).toEqual([400, 'invalidFilter']);
    }
  });

  it('pages with startIndex and count', async () => {
    const all = await filter('userName ew "@contoso.example"');
    expect(all.body.totalResults).toBeGreaterThan(50);
    const page = await filter('userName ew "@contoso.example"', '&startIndex=3&count=2');
    expect(page.body).toMatchObject({ totalResults: all.body.totalResults, startIndex: 3, itemsPerPage: 2 });
    expect(page.body.Resources.map((r: { id: string }) => r.id)).toEqual(
      all.body.Resources.slice(2, 4).map((r: { id: string }) => r.id),
    );
    expect((await filter('userName ew "@contoso.example"', '&count=0')).body).toMatchObject({
      itemsPerPage: 0,
      Resources: [],
    });
    expect((await filter('userName ew "@contoso.example"', '&startIndex=0&count=1')).body.startIndex).toBe(1);
  });

  it("applies Entra's PATCH: capitalized ops, filtered paths, the work address country as usage location, URN paths", async () => {
    const res = await patch(`/Users/${pattiId}`, [
      { op: 'Replace', path: 'displayName', value: 'Patti F.' },
      { op: 'Add', path: 'addresses[type eq "work"].country', value: 'de' },
      { op: 'Replace', path: 'emails[type eq "work"].value', value: 'patti.f@contoso.example' },
      { op: 'Replace', path: 'userName', value: 'patti.f@contoso.example' },
      { op: 'Add', path: `${ENTERPRISE}:manager`, value: 'mgr-2' },
      { op: 'Remove', path: 'title' },
    ]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      displayName: 'Patti F.',
      userName: 'patti.f@contoso.example',
      [ENTERPRISE]: { manager: { value: 'mgr-2' }, department: 'Sales' },
    });
    expect(res.body.title).toBeUndefined();
    expect(await person(pattiId)).toMatchObject({
      displayName: 'Patti F.',
      email: 'patti.f@contoso.example',
      usageLocation: 'DE',
    });
  });

  it('applies a path-less replace with dotted and URN attribute names', async () => {
    const res = await patch(`/Users/${pattiId}`, [
      {
        op: 'Replace',
        value: {
          'name.givenName': 'Patricia',
          'name.familyName': 'Fernández',
          [`${ENTERPRISE}:employeeNumber`]: '2042',
          displayName: 'Patricia Fernández',
        },
      },
    ]);
    expect(res.body).toMatchObject({
      name: { givenName: 'Patricia', familyName: 'Fernández' },
      [ENTERPRISE]: { employeeNumber: '2042' },
      displayName: 'Patricia Fernández',
    });
    expect((await scim('GET', `/Users/${pattiId}`)).body.name.givenName).toBe('Patricia');
  });

  it('disables on "active": "False" (sessions end at once, licenses kept) and enables on Okta\'s {"active": true}', async () => {
    const adele = await t.app.signIn('adele@contoso.example');
    const megan = await t.app.signIn('megan@contoso.example');
    const sub = (await buy(adele, { quantity: 2 })).body;
    await adele.post(`/api/subscriptions/${sub.id}/assignments`, { userIds: [megan.personId] });

    const off = await patch(`/Users/${megan.personId}`, [{ op: 'Replace', path: 'active', value: 'False' }]);
    expect(off.body.active).toBe(false);
    expect((await megan.get('/api/me')).status).toBe(401);
    expect((await adele.get(`/api/subscriptions/${sub.id}`)).body.assigned).toBe(1);
    expect((await t.admin.get('/api/admin/audit?action=person.disabled')).body.items[0]).toMatchObject({
      objectId: megan.personId,
      actor: null,
      details: { via: 'scim' },
    });
    // the same again changes nothing
    expect(
      (await patch(`/Users/${megan.personId}`, [{ op: 'replace', path: 'active', value: false }])).body.active,
    ).toBe(false);

    const on = await patch(`/Users/${megan.personId}`, [{ op: 'replace', value: { active: true } }]);
    expect(on.body.active).toBe(true);
    expect((await t.app.signIn('megan@contoso.example')).personId).toBe(megan.personId);
  });

  it('replaces a user with PUT, as Okta updates', async () => {
    const res = await scim('PUT', `/Users/${pattiId}`, {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: 'patti.f@contoso.example',
      externalId: 'okta-00u1',
      name: { givenName: 'Patti', familyName: 'Fernandez' },
      emails: [{ value: 'patti.f@contoso.example', primary: true }],
      active: true,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ externalId: 'okta-00u1', displayName: 'Patti Fernandez', active: true });
    expect(res.body[ENTERPRISE]).toBeUndefined();
    expect((await person(pattiId)).usageLocation).toBeNull();
  });

  it('refuses bad requests with the right scimType', async () => {
    const cases: [unknown, string][] = [
      [await scim('POST', '/Users', { schemas: [], displayName: 'No user name' }), 'invalidValue'],
      [
        await scim(
          'POST',
          '/Users',
          entraUser('spain@contoso.example', { addresses: [{ type: 'work', country: 'Spain' }] }),
        ),
        'invalidValue',
      ],
      [await patch(`/Users/${pattiId}`, [{ op: 'Move', path: 'displayName', value: 'x' }]), 'invalidSyntax'],
      [await patch(`/Users/${pattiId}`, []), 'invalidSyntax'],
      [await patch(`/Users/${pattiId}`, [{ op: 'Replace', path: 'active', value: 'maybe' }]), 'invalidValue'],
      [await scim('POST', '/Users', '{not json'), 'invalidSyntax'],
    ];
    for (const [res, scimType] of cases)
      expect([(res as { status: number }).status, (res as { body: { scimType: string } }).body.scimType]).toEqual([
        400,
        scimType,
      ]);
    expect(
      (await patch('/Users/00000000-0000-4000-8000-000000000000', [{ op: 'replace', path: 'active', value: false }]))
        .status,
    ).toBe(404);
    expect((await scim('GET', '/Users/not-an-id')).status).toBe(404);
  });

  it('deletes a user: licenses freed, the buyer told; a second DELETE answers 404', async () => {
    const adele = await t.app.signIn('adele@contoso.example');
    const created = (await scim('POST', '/Users', entraUser('leaver@contoso.example'))).body;
    const sub = (await buy(adele, { quantity: 1 })).body;
    expect((await adele.post(`/api/subscriptions/${sub.id}/assignments`, { userIds: [created.id] })).status).toBe(200);
    expect((await scim('DELETE', `/Users/${created.id}`)).status).toBe(204);
    expect((await scim('GET', `/Users/${created.id}`)).status).toBe(404);
    expect((await scim('DELETE', `/Users/${created.id}`)).status).toBe(404);
    expect((await adele.get(`/api/subscriptions/${sub.id}`)).body.assigned).toBe(0);
    expect((await adele.get('/api/notifications')).body.items[0]).toMatchObject({
      kind: 'license_freed',
      payload: { person: 'Zoe Quintero' },
    });
    const audit = (await t.admin.get('/api/admin/audit?limit=20')).body.items as {
      action: string;
      objectId: string;
      details: { via?: string };
    }[];
    expect(audit.find((e) => e.action === 'person.deleted' && e.objectId === created.id)!.details.via).toBe('scim');
    // the address can be provisioned again, as a new person
    expect((await scim('POST', '/Users', entraUser('leaver@contoso.example'))).status).toBe(201);
  });

  it("keeps each organization's users to its own token", async () => {
    const fabrikam = await t.app.signIn('admin@fabrikam.example');
    const theirs = (await fabrikam.post('/api/admin/provisioning/tokens', { name: 'Okta' })).body.token;
    expect((await scim('GET', `/Users/${pattiId}`, undefined, theirs)).status).toBe(404);
    expect(
      (await scim('GET', `/Users?filter=${encodeURIComponent('userName sw "patti"')}`, undefined, theirs)).body
        .totalResults,
    ).toBe(0);
    expect((await scim('DELETE', `/Users/${pattiId}`, undefined, theirs)).status).toBe(404);
  });
});

describe('SCIM Groups', () => {
  it('creates, filters, adds and removes members the ways Entra and Okta do, replaces and deletes', async () => {
    const people = (await filter('userName sw "a"', '&count=3')).body.Resources.map(
      (r: { id: string }) => r.id,
    ) as string[];
    const created = await scim('POST', '/Groups', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
      displayName: 'Sales',
      externalId: 'g-1',
      members: [{ value: people[0] }],
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect((await scim('POST', '/Groups', { displayName: 'sales' })).body.scimType).toBe('uniqueness');

    const found = await scim(
      'GET',
      `/Groups?filter=${encodeURIComponent('displayName eq "Sales"')}&excludedAttributes=members`,
    );
    expect(found.body.Resources).toEqual([expect.not.objectContaining({ members: expect.anything() })]);
    expect(found.body.Resources[0]).toMatchObject({ id, displayName: 'Sales' });

    await patch(`/Groups/${id}`, [{ op: 'Add', path: 'members', value: [{ value: people[1] }, { value: people[2] }] }]);
    const isMember = async (personId: string) =>
      (
        await scim(
          'GET',
          `/Groups?filter=${encodeURIComponent(`id eq "${id}" and members[value eq "${personId}"]`)}&excludedAttributes=members`,
        )
      ).body.totalResults;
    expect(await isMember(people[2]!)).toBe(1);
    await patch(`/Groups/${id}`, [{ op: 'Remove', path: 'members', value: [{ value: people[2] }] }]);
    expect(await isMember(people[2]!)).toBe(0);
    await patch(`/Groups/${id}`, [
      { op: 'remove', path: `members[value eq "${people[0]}"]` },
      { op: 'replace', value: { displayName: 'Sales EMEA' } },
    ]);
    const group = (await scim('GET', `/Groups/${id}`)).body;
    expect(group).toMatchObject({ displayName: 'Sales EMEA', members: [{ value: people[1] }] });
    expect(group.members[0].$ref).toBe(`${t.app.url}/scim/v2/Users/${people[1]}`);

    const unknown = await patch(`/Groups/${id}`, [
      { op: 'add', path: 'members', value: [{ value: '00000000-0000-4000-8000-000000000000' }] },
    ]);
    expect([unknown.status, unknown.body.scimType]).toEqual([400, 'invalidValue']);
    const replaced = await scim('PUT', `/Groups/${id}`, {
      displayName: 'Sales EMEA',
      members: [{ value: people[0] }, { value: people[2] }],
    });
    expect(replaced.body.members.map((m: { value: string }) => m.value).sort()).toEqual([people[0], people[2]].sort());
    expect((await scim('DELETE', `/Groups/${id}`)).status).toBe(204);
    expect((await scim('GET', `/Groups/${id}`)).status).toBe(404);
  });
});

describe('two provisioning runs at once', () => {
  it('creates a person once, keeps every member added, and applies both changes to one user', async () => {
    const both = await Promise.all([1, 2].map(() => scim('POST', '/Users', entraUser('twice@contoso.example'))));
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    expect((await filter('userName eq "twice@contoso.example"')).body.totalResults).toBe(1);

    const people = (await filter('userName ew "@contoso.example"', '&count=10')).body.Resources.map(
      (r: { id: string }) => r.id,
    ) as string[];
    const group = (await scim('POST', '/Groups', { displayName: 'Everyone' })).body;
    await Promise.all(
      people.map((value) => patch(`/Groups/${group.id}`, [{ op: 'Add', path: 'members', value: [{ value }] }])),
    );
    expect((await scim('GET', `/Groups/${group.id}`)).body.members).toHaveLength(10);

    const twice = both.find((r) => r.status === 201)!.body.id;
    await Promise.all([
      patch(`/Users/${twice}`, [{ op: 'Replace', path: 'active', value: 'False' }]),
      patch(`/Users/${twice}`, [{ op: 'Replace', path: 'displayName', value: 'Twice Renamed' }]),
    ]);
    expect(await person(twice)).toMatchObject({ status: 'disabled', displayName: 'Twice Renamed' });
  });
});
