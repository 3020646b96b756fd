import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import dns2 from 'dns2';
import { startTestApp, codeOf, type TestApp, type Client } from '../helpers/app.js';

// A DNS server on the loopback answers TXT queries from this table, as the domain's own DNS would.
const txt = new Map<string, string[]>();
const dns = dns2.createServer({
  udp: true,
  handle(request, reply) {
    const response = dns2.Packet.createResponseFromRequest(request);
    const [question] = request.questions;
    for (const data of txt.get(question!.name.toLowerCase()) ?? []) {
      response.answers.push({
        name: question!.name,
        type: dns2.Packet.TYPE.TXT,
        class: dns2.Packet.CLASS.IN,
        ttl: 60,
        data,
      } as never);
    }
    void reply(response);
  },
});

let app: TestApp;
let admin: Client;
beforeAll(async () => {
  app = await startTestApp();
  const { udp } = await dns.listen({ udp: { port: 0, address: '127.0.0.1' } });
  app.deps.dnsServers = [`127.0.0.1:${udp!.port}`];
  admin = await app.signIn('admin@contoso.example');
});
afterAll(async () => {
  await app?.close();
  await dns.close();
});

describe('domains claimed by an admin and verified by DNS', () => {
  it('is verified once the TXT record shown is published, among other records', async () => {
    const claimed = await admin.post('/api/admin/domains', { domain: 'Contoso.example' });
    expect(claimed.status).toBe(201);
    expect(claimed.body).toMatchObject({
      domain: 'contoso.example',
      verified: false,
      txtRecord: { name: 'contoso.example', value: expect.stringMatching(/^selfserve-verification=[0-9a-f]{32}$/) },
    });

    const early = await admin.post('/api/admin/domains/contoso.example/verify');
    expect(early.status).toBe(422);
    expect(codeOf(early)).toBe('domain_not_verified');
    expect(early.body.txtRecord.value).toBe(claimed.body.txtRecord.value);

    txt.set('contoso.example', ['v=spf1 -all', 'selfserve-verification=someone-elses', claimed.body.txtRecord.value]);
    const verified = await admin.post('/api/admin/domains/contoso.example/verify');
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ domain: 'contoso.example', verified: true, verifiedBy: 'dns' });
    expect((await admin.get('/api/admin/domains')).body.items).toEqual([
      expect.objectContaining({ domain: 'contoso.example', verified: true }),
    ]);

    const audit = await admin.get('/api/admin/audit?action=domain.verified');
    expect(audit.body.items).toEqual([
      expect.objectContaining({ objectId: 'contoso.example', actor: expect.objectContaining({ id: admin.personId }) }),
    ]);
  });

  it('lets another organization claim a verified domain but never verify it', async () => {
    const fabrikam = await app.signIn('admin@fabrikam.example');
    const claimed = await fabrikam.post('/api/admin/domains', { domain: 'contoso.example' });
    expect(claimed.status).toBe(201);
    txt.set('contoso.example', [...txt.get('contoso.example')!, claimed.body.txtRecord.value]);
    const taken = await fabrikam.post('/api/admin/domains/contoso.example/verify');
    expect(taken.status).toBe(409);
    expect(codeOf(taken)).toBe('domain_taken');
    // each organization sees only its own claims
    expect((await fabrikam.get('/api/admin/domains')).body.items).toEqual([
      expect.objectContaining({ verified: false }),
    ]);
  });

  it('leaves domains to admins: members and billing admins are refused, a global reader only reads', async () => {
    const member = await app.signIn('adele@contoso.example');
    const billing = await app.signIn('billing@contoso.example');
    const reader = await app.signIn('reader@contoso.example');
    expect(codeOf(await member.post('/api/admin/domains', { domain: 'adele.example' }))).toBe('admin_only');
    expect(codeOf(await billing.post('/api/admin/domains', { domain: 'billing.example' }))).toBe('admin_only');
    expect(codeOf(await reader.post('/api/admin/domains', { domain: 'reader.example' }))).toBe('read_only');
    expect((await reader.get('/api/admin/domains')).status).toBe(200);
    expect((await member.get('/api/admin/domains')).status).toBe(403);
  });

  it('refuses what is not a domain, and forgets a domain given up', async () => {
    for (const domain of [
      'localhost',
      'a..example',
      '-x.example',
      'x'.repeat(64) + '.example',
      'contoso.example/path',
    ]) {
      const res = await admin.post('/api/admin/domains', { domain });
      expect([res.status, codeOf(res)]).toEqual([400, 'invalid_domain']);
    }
    expect((await admin.post('/api/admin/domains', { domain: 'bücher.example' })).body.domain).toBe(
      'xn--bcher-kva.example',
    );
    expect((await admin.delete('/api/admin/domains/xn--bcher-kva.example')).status).toBe(204);
    expect((await admin.delete('/api/admin/domains/xn--bcher-kva.example')).status).toBe(404);
    expect((await admin.post('/api/admin/domains/unclaimed.example/verify')).status).toBe(404);
  });
});
