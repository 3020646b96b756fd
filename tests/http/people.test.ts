import { describe, expect, it } from 'vitest';
import { useSignedInApp, send, signIn, codeOf, type Client } from '../helpers/app.js';
import { buy } from '../helpers/commerce.js';
import { invitationTokenIn, useMailSink } from '../helpers/mail-sink.js';

const t = useSignedInApp(['admin', 'adele']);
const mail = useMailSink(t);

const find = async (client: Client, search: string) =>
  (await client.get(`/api/people?search=${encodeURIComponent(search)}`)).body.items[0];
const actions = async (objectId: string) =>
  (
    (await t.admin.get('/api/admin/audit?limit=100')).body.items as {
      action: string;
      objectId: string;
      details: Record<string, unknown>;
    }[]
  ).filter((e) => e.objectId === objectId);

describe('the directory', () => {
  it("shows members who is disabled, as Graph's accountEnabled does", async () => {
    const grady = await find(t.adele, 'Grady');
    expect(grady).toMatchObject({ displayName: 'Grady Archie', status: 'disabled' });
    const graph = await t.adele.get(`/v1.0/users/${grady.id}?$select=accountEnabled`); // not in Graph's default property set
    expect(graph.body.accountEnabled).toBe(false);
    expect((await find(t.adele, 'Megan')).status).toBe('active');
  });
});

describe('people management by admins', () => {
  it('adds a person, who chooses a password from the e-mailed link', async () => {
    const added = await t.admin.post('/api/people', {
      displayName: 'Lee Gu',
      email: 'Lee.Gu@contoso.example',
      usageLocation: 'FR',
    });
    expect(added.status).toBe(201);
    expect(added.body.person).toMatchObject({
      displayName: 'Lee Gu',
      email: 'lee.gu@contoso.example',
      role: 'member',
      status: 'active',
      hasPassword: false,
    });
    expect(added.body.invitation.emailed).toBe(true);
    const token = invitationTokenIn(mail.received.find((m) => m.to === 'lee.gu@contoso.example')!)!;
    expect(
      (await send(`${t.app.url}/api/invitations/accept`, 'POST', { token, password: 'lee gu password' })).status,
    ).toBe(204);
    expect((await signIn(t.app.url, 'lee.gu@contoso.example', 'lee gu password')).personId).toBe(added.body.person.id);

    const twice = await t.admin.post('/api/people', { displayName: 'Lee Again', email: 'lee.gu@contoso.example' });
    expect([twice.status, codeOf(twice)]).toEqual([409, 'email_taken']);
    expect(await actions(added.body.person.id)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'person.created',
          details: expect.objectContaining({ email: 'lee.gu@contoso.example' }),
        }),
        expect.objectContaining({ action: 'person.password_set' }),
      ]),
    );
  });

  it('lets Nestor be licensed once an admin sets his usage location', async () => {
    const bought = await buy(t.adele, { quantity: 3 });
    expect(bought.status).toBe(201);
    const nestor = await find(t.admin, 'Nestor');
    expect(nestor.usageLocation).toBeNull();
    const refused = await t.adele.post(`/api/subscriptions/${bought.body.id}/assignments`, { userIds: [nestor.id] });
    expect(codeOf(refused)).toBe('usage_location_required');

    const edited = await t.admin.patch(`/api/people/${nestor.id}`, { usageLocation: 'FR' });
    expect(edited.body.usageLocation).toBe('FR');
    expect(
      (await t.adele.post(`/api/subscriptions/${bought.body.id}/assignments`, { userIds: [nestor.id] })).status,
    ).toBe(200);
    expect(await actions(nestor.id)).toEqual([
      expect.objectContaining({ action: 'person.updated', details: { usageLocation: { from: null, to: 'FR' } } }),
    ]);
  });

  it('edits display name, e-mail and role, each change audited with before and after', async () => {
    const megan = await find(t.admin, 'Megan');
    const res = await t.admin.patch(`/api/people/${megan.id}`, {
      displayName: 'Megan Bowen-Smith',
      email: 'Megan.BS@contoso.example',
      role: 'billing_admin',
    });
    expect(res.body).toMatchObject({
      displayName: 'Megan Bowen-Smith',
      email: 'megan.bs@contoso.example',
      role: 'billing_admin',
    });
    expect((await find(t.adele, 'Megan Bowen')).email).toBe('megan.bs@contoso.example');
    const [event] = await actions(megan.id);
    expect(event!.details).toEqual({
      displayName: { from: 'Megan Bowen', to: 'Megan Bowen-Smith' },
      email: { from: 'megan@contoso.example', to: 'megan.bs@contoso.example' },
      role: { from: 'member', to: 'billing_admin' },
    });
    expect(codeOf(await t.admin.patch(`/api/people/${megan.id}`, { email: 'adele@contoso.example' }))).toBe(
      'email_taken',
    );
    expect((await t.admin.patch(`/api/people/${megan.id}`, { usageLocation: 'France' })).status).toBe(400);
    expect((await t.admin.patch(`/api/people/${megan.id}`, {})).status).toBe(400);
  });

  it('never leaves the organization without an active t.admin, nor lets an admin lock themselves out', async () => {
    expect(codeOf(await t.admin.patch(`/api/people/${t.admin.personId}`, { role: 'member' }))).toBe('last_admin');
    expect(codeOf(await t.admin.post(`/api/people/${t.admin.personId}/disable`))).toBe('cannot_change_self');
    expect(codeOf(await t.admin.delete(`/api/people/${t.admin.personId}`))).toBe('cannot_change_self');
  });

  it('disables a person: their session and API token stop at once, licenses stay; enabling lets them sign in again', async () => {
    const joni = await t.app.signIn('reader@contoso.example');
    const token = (await joni.post('/api/tokens', { name: 'script' })).body.token;
    const disabled = await t.admin.post(`/api/people/${joni.personId}/disable`);
    expect(disabled.body.status).toBe('disabled');
    expect((await joni.get('/api/me')).status).toBe(401);
    expect((await send(`${t.app.url}/api/me`, 'GET', undefined, { authorization: `Bearer ${token}` })).status).toBe(
      401,
    );
    expect(
      (await send(`${t.app.url}/api/session`, 'POST', { email: 'reader@contoso.example', password: 'selfserve-demo' }))
        .status,
    ).toBe(401);

    expect((await t.admin.post(`/api/people/${joni.personId}/enable`)).body.status).toBe('active');
    expect((await joni.get('/api/me')).status).toBe(401);
    expect((await t.app.signIn('reader@contoso.example')).personId).toBe(joni.personId);
    expect((await actions(joni.personId)).map((e) => e.action)).toEqual(['person.enabled', 'person.disabled']);
  });

  it('deletes a person: out of the directory, licenses freed, the buyer told; the address can be given again', async () => {
    const bought = await buy(t.adele, { quantity: 2 });
    const added = await t.admin.post('/api/people', {
      displayName: 'Temp Worker',
      email: 'temp@contoso.example',
      usageLocation: 'FR',
    });
    const id = added.body.person.id;
    await t.adele.post(`/api/subscriptions/${bought.body.id}/assignments`, { userIds: [id] });
    expect((await t.adele.get(`/api/subscriptions/${bought.body.id}`)).body.assigned).toBe(1);

    expect((await t.admin.delete(`/api/people/${id}`)).status).toBe(204);
    expect((await t.admin.get(`/api/people/${id}`)).status).toBe(404);
    expect(await find(t.adele, 'Temp Worker')).toBeUndefined();
    expect((await t.adele.get(`/v1.0/users/${id}`)).status).toBe(404);
    expect((await t.adele.get(`/api/subscriptions/${bought.body.id}`)).body.assigned).toBe(0);
    expect((await t.adele.post(`/api/subscriptions/${bought.body.id}/assignments`, { userIds: [id] })).status).toBe(
      422,
    );
    const inbox = await t.adele.get('/api/notifications');
    expect(inbox.body.items[0]).toMatchObject({
      kind: 'license_freed',
      payload: { product: 'Power BI Pro', person: 'Temp Worker' },
    });
    expect((await actions(id)).map((e) => e.action)).toContain('person.deleted');
    expect((await t.admin.delete(`/api/people/${id}`)).status).toBe(404);

    const again = await t.admin.post('/api/people', { displayName: 'New Temp', email: 'temp@contoso.example' });
    expect(again.status).toBe(201);
    expect(again.body.person.id).not.toBe(id);
  });

  it('resets a password: the old one and the sessions stop, the e-mailed link sets a new one', async () => {
    const megan = await t.app.signIn('megan.bs@contoso.example');
    const reset = await t.admin.post(`/api/people/${megan.personId}/reset-password`);
    expect(reset.status).toBe(200);
    expect(reset.body).toMatchObject({ url: expect.stringContaining('/invitation#'), emailed: true });
    expect((await megan.get('/api/me')).status).toBe(401);
    expect(
      (
        await send(`${t.app.url}/api/session`, 'POST', {
          email: 'megan.bs@contoso.example',
          password: 'selfserve-demo',
        })
      ).status,
    ).toBe(401);
    const mailed = mail.received.filter((m) => m.to === 'megan.bs@contoso.example').at(-1)!;
    expect(mailed.subject).toContain('Choose a new Selfserve password');
    const lookup = await send(`${t.app.url}/api/invitations/lookup`, 'POST', { token: invitationTokenIn(mailed) });
    expect(lookup.body.purpose).toBe('password_reset');
    await send(`${t.app.url}/api/invitations/accept`, 'POST', {
      token: invitationTokenIn(mailed),
      password: 'megan new password',
    });
    expect((await signIn(t.app.url, 'megan.bs@contoso.example', 'megan new password')).personId).toBe(megan.personId);
  });

  it("is the admin's only, and only within their organization", async () => {
    const billing = await t.app.signIn('billing@contoso.example');
    const reader = await t.app.signIn('reader@contoso.example');
    const fabrikam = await t.app.signIn('admin@fabrikam.example');
    const nestor = await find(t.admin, 'Nestor');
    expect(codeOf(await t.adele.post('/api/people', { displayName: 'X', email: 'x@contoso.example' }))).toBe(
      'admin_only',
    );
    expect(codeOf(await billing.patch(`/api/people/${nestor.id}`, { role: 'admin' }))).toBe('admin_only');
    expect(codeOf(await reader.post(`/api/people/${nestor.id}/disable`))).toBe('read_only');
    expect((await reader.get(`/api/people/${nestor.id}`)).status).toBe(200);
    expect((await t.adele.get(`/api/people/${nestor.id}`)).status).toBe(403);
    for (const res of [
      await fabrikam.get(`/api/people/${nestor.id}`),
      await fabrikam.patch(`/api/people/${nestor.id}`, { role: 'admin' }),
      await fabrikam.post(`/api/people/${nestor.id}/disable`),
      await fabrikam.delete(`/api/people/${nestor.id}`),
    ])
      expect(res.status).toBe(404);
  });
});
