import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, send, signIn, codeOf, type TestApp } from '../helpers/app.js';
import { invitationTokenIn, startMailSink } from '../helpers/mail-sink.js';

const OPERATOR_TOKEN = 'operator-secret-for-tests-0123456789';
let app: TestApp;
let mail: Awaited<ReturnType<typeof startMailSink>>;

beforeAll(async () => {
  app = await startTestApp();
  mail = await startMailSink();
  app.deps.mailer = mail.mailer;
  app.deps.operatorToken = OPERATOR_TOKEN;
});
afterAll(async () => {
  await app?.close();
  await mail?.close();
});

const operator = (method: string, path: string, body?: unknown, token = OPERATOR_TOKEN) =>
  send(`${app.url}/api/operator${path}`, method, body, { authorization: `Bearer ${token}` });

const NEW_ORG = {
  name: 'Northwind Traders',
  country: 'DE',
  currency: 'EUR',
  admin: { email: 'Ada@Northwind.example', displayName: 'Ada Lovelace' },
};

describe('operator API', () => {
  it('does not exist without SELFSERVE_OPERATOR_TOKEN, and refuses a wrong token', async () => {
    app.deps.operatorToken = undefined;
    const off = await operator('POST', '/organizations', NEW_ORG);
    app.deps.operatorToken = OPERATOR_TOKEN;
    expect(off.status).toBe(404);
    expect((await operator('GET', '/organizations', undefined, 'wrong')).status).toBe(401);
    expect((await send(`${app.url}/api/operator/organizations`, 'GET')).status).toBe(401);
    // a person's session is no operator credential
    const admin = await app.signIn('admin@contoso.example');
    expect((await admin.get('/api/operator/organizations')).status).toBe(401);
  });

  it('creates an organization whose first admin signs in from the e-mailed one-time link', async () => {
    const created = await operator('POST', '/organizations', NEW_ORG);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: expect.any(String),
      name: 'Northwind Traders',
      country: 'DE',
      currency: 'EUR',
      invoicePrefix: 'NOR',
      admin: { email: 'ada@northwind.example', displayName: 'Ada Lovelace' },
      invitation: { url: expect.stringMatching(/\/invitation#/), emailed: true },
    });
    const sent = mail.received.find((m) => m.to === 'ada@northwind.example')!;
    expect(sent.subject).toContain('Northwind Traders');
    const token = invitationTokenIn(sent)!;
    expect(created.body.invitation.url).toContain(token);

    const lookup = await send(`${app.url}/api/invitations/lookup`, 'POST', { token });
    expect(lookup.body).toEqual({
      email: 'ada@northwind.example',
      displayName: 'Ada Lovelace',
      organizationName: 'Northwind Traders',
      purpose: 'invitation',
    });
    expect(codeOf(await send(`${app.url}/api/invitations/accept`, 'POST', { token, password: 'short' }))).toBe(
      'validation_failed',
    );

    const accepted = await send(`${app.url}/api/invitations/accept`, 'POST', {
      token,
      password: 'a long enough password',
    });
    expect(accepted.status).toBe(204);
    const cookie = accepted.headers.getSetCookie()[0]!.split(';')[0]!;
    const me = await send(`${app.url}/api/me`, 'GET', undefined, { cookie });
    expect(me.body.person).toMatchObject({ email: 'ada@northwind.example', role: 'admin', usageLocation: 'DE' });
    expect(me.body.organization).toMatchObject({ id: created.body.id, name: 'Northwind Traders' });

    // one time only; the password chosen signs in from now on
    const again = await send(`${app.url}/api/invitations/accept`, 'POST', { token, password: 'another long password' });
    expect(again.status).toBe(400);
    expect(codeOf(again)).toBe('invitation_invalid');
    const admin = await signIn(app.url, 'ada@northwind.example', 'a long enough password');
    const audit = await admin.get('/api/admin/audit');
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['organization.created', 'person.created', 'person.password_set', 'session.created']),
    );

    const list = await operator('GET', '/organizations?limit=100');
    expect(list.body.items.map((o: { name: string }) => o.name)).toEqual(['Contoso', 'Fabrikam', 'Northwind Traders']);
  });

  it('gives a link that expires after 7 days, and lets only one of two tabs use it', async () => {
    const created = await operator('POST', '/organizations', {
      ...NEW_ORG,
      name: 'Tailspin',
      invoicePrefix: 'TSP',
      admin: { email: 'it@tailspin.example', displayName: 'IT' },
    });
    const token = new URL(created.body.invitation.url).hash.slice(1);
    const both = await Promise.all(
      [1, 2].map((i) => send(`${app.url}/api/invitations/accept`, 'POST', { token, password: `password number ${i}` })),
    );
    expect(both.map((r) => r.status).sort()).toEqual([204, 400]);

    const late = await operator('POST', '/organizations', {
      ...NEW_ORG,
      name: 'Late',
      admin: { email: 'late@late.example', displayName: 'Late' },
    });
    app.clock.advanceDays(7.01);
    const expired = await send(`${app.url}/api/invitations/accept`, 'POST', {
      token: new URL(late.body.invitation.url).hash.slice(1),
      password: 'a long enough password',
    });
    expect(codeOf(expired)).toBe('invitation_invalid');
  });

  it('refuses bad input with 400 and an unknown organization with 404', async () => {
    expect((await operator('POST', '/organizations', { ...NEW_ORG, currency: 'JPY' })).status).toBe(400);
    expect((await operator('POST', '/organizations', { ...NEW_ORG, country: 'france' })).status).toBe(400);
    expect(
      (await operator('POST', '/organizations', { ...NEW_ORG, admin: { email: 'not-an-email', displayName: 'x' } }))
        .status,
    ).toBe(400);
    expect((await operator('GET', '/organizations/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect(
      (
        await operator('POST', '/organizations/00000000-0000-4000-8000-000000000000/domains', {
          domain: 'x.example',
          verified: true,
        })
      ).status,
    ).toBe(404);
  });
});

describe('domains attached by the operator', () => {
  it('attaches a verified domain, which no other organization can then have', async () => {
    const orgs = (await operator('GET', '/organizations')).body.items as { id: string; name: string }[];
    const contoso = orgs.find((o) => o.name === 'Contoso')!;
    const fabrikam = orgs.find((o) => o.name === 'Fabrikam')!;
    const attached = await operator('POST', `/organizations/${contoso.id}/domains`, {
      domain: 'Contoso.Example.',
      verified: true,
    });
    expect(attached.status).toBe(201);
    expect(attached.body).toMatchObject({ domain: 'contoso.example', verified: true, verifiedBy: 'operator' });
    // again: the same answer, nothing new
    expect(
      (await operator('POST', `/organizations/${contoso.id}/domains`, { domain: 'contoso.example', verified: true }))
        .body.verified,
    ).toBe(true);

    const taken = await operator('POST', `/organizations/${fabrikam.id}/domains`, {
      domain: 'contoso.example',
      verified: true,
    });
    expect(taken.status).toBe(409);
    expect(codeOf(taken)).toBe('domain_taken');
    expect(
      (await operator('POST', `/organizations/${fabrikam.id}/domains`, { domain: 'not a domain', verified: true }))
        .status,
    ).toBe(400);
    expect((await operator('GET', `/organizations/${contoso.id}`)).body.domains).toEqual([
      expect.objectContaining({ domain: 'contoso.example', verified: true }),
    ]);
  });
});
