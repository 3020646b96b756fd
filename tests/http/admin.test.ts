import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, codeOf, type TestApp, type Client } from '../helpers/app.js';
import { assignSome, buy, POWER_BI_PRO, VISIO_PLAN_1 } from '../helpers/commerce.js';
import { recordAudit } from '../../src/db/audit.js';

let app: TestApp;
let adele: Client, megan: Client, admin: Client, billing: Client, reader: Client, fabrikam: Client;
let adeleSub: { id: string };
beforeAll(async () => {
  app = await startTestApp();
  [adele, megan, admin, billing, reader, fabrikam] = (await Promise.all(
    [
      'adele@contoso.example',
      'megan@contoso.example',
      'admin@contoso.example',
      'billing@contoso.example',
      'reader@contoso.example',
      'admin@fabrikam.example',
    ].map((e) => app.signIn(e)),
  )) as [Client, Client, Client, Client, Client, Client];
  adeleSub = (await buy(adele, { quantity: 8, term: 'annual' })).body;
  await assignSome(app, adeleSub.id, 3);
  await buy(megan, { productId: VISIO_PLAN_1, quantity: 2 });
});
afterAll(() => app?.close());

describe("the admin's read-only view of self-service purchases", () => {
  it('shows the guide fields of every member purchase to admin, billing admin and global reader', async () => {
    for (const who of [admin, billing, reader]) {
      const res = await who.get('/api/admin/self-service-purchases');
      expect(res.status).toBe(200);
      const row = res.body.items.find((r: { id: string }) => r.id === adeleSub.id);
      expect(row).toMatchObject({
        product: { id: POWER_BI_PRO, name: 'Power BI Pro' },
        buyer: { displayName: 'Adèle Vance', email: 'adele@contoso.example' },
        licensesPurchased: 8,
        expirationDate: '2027-03-02T09:00:00.000Z',
        status: 'active',
        purchasePrice: {
          perLicense: { amount: 1370, currency: 'EUR' },
          perTerm: { amount: 16440, currency: 'EUR' },
          total: { amount: 131520, currency: 'EUR' },
        },
      });
      expect(row.assignedUsers).toHaveLength(3);
      expect(row.assignedUsers[0]).toEqual({
        id: expect.any(String),
        displayName: expect.any(String),
        email: expect.stringMatching(/@contoso\.example$/),
      });
    }
    const member = await adele.get('/api/admin/self-service-purchases');
    expect([member.status, codeOf(member)]).toEqual([403, 'admin_only']);
  });

  it('filters by product, buyer and status, and pages without gaps', async () => {
    const byProduct = (await admin.get(`/api/admin/self-service-purchases?productId=${VISIO_PLAN_1}`)).body.items;
    expect(byProduct.map((r: { buyer: { email: string } }) => r.buyer.email)).toEqual(['megan@contoso.example']);
    const byBuyer = (await admin.get(`/api/admin/self-service-purchases?buyerId=${adele.personId}`)).body.items;
    expect(byBuyer.every((r: { buyer: { email: string } }) => r.buyer.email === 'adele@contoso.example')).toBe(true);
    expect((await admin.get('/api/admin/self-service-purchases?status=expired')).body.items).toEqual([]);
    const first = await admin.get('/api/admin/self-service-purchases?limit=1');
    const second = await admin.get(`/api/admin/self-service-purchases?limit=1&cursor=${first.body.nextCursor}`);
    expect(first.body.items[0].id).not.toBe(second.body.items[0].id);
    expect(codeOf(await admin.get('/api/admin/self-service-purchases?cursor=garbage'))).toBe('invalid_cursor');
  });

  it('groups by product with the total licenses, and exports the users by purchaser as CSV', async () => {
    const grouped = (await reader.get('/api/admin/self-service-purchases/by-product')).body.items;
    expect(grouped.find((g: { product: { id: string } }) => g.product.id === POWER_BI_PRO)).toMatchObject({
      purchases: 1,
      totalLicenses: 8,
      assigned: 3,
    });
    const csv = await admin.get('/api/admin/self-service-purchases.csv');
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('Purchaser,Purchaser email,Product,User,User email,Assigned at (UTC)');
    expect(
      lines.slice(1).filter((l: string) => l.startsWith('Adèle Vance,adele@contoso.example,Power BI Pro,')),
    ).toHaveLength(3);
  });

  it('never shows another organization', async () => {
    expect(
      (await fabrikam.get('/api/admin/self-service-purchases')).body.items.find(
        (r: { id: string }) => r.id === adeleSub.id,
      ),
    ).toBeUndefined();
    const take = await fabrikam.post(`/api/admin/self-service-purchases/${adeleSub.id}/take-control`, {
      action: 'cancel',
      reason: 'x',
    });
    expect([take.status, codeOf(take)]).toEqual([404, 'not_found']);
  });

  it("answers an admin 403 read_only_for_admins on every write to a member's purchase", async () => {
    const writes = [
      () => admin.put(`/api/subscriptions/${adeleSub.id}/licenses`, { total: 9 }),
      () => admin.post(`/api/subscriptions/${adeleSub.id}/cancel`, { reason: 'other' }),
      () => admin.put(`/api/subscriptions/${adeleSub.id}/auto-renew`, { enabled: false }),
      () => admin.post(`/api/subscriptions/${adeleSub.id}/reactivate`, undefined, { 'idempotency-key': randomUUID() }),
    ];
    for (const write of writes) {
      const res = await write();
      expect([res.status, codeOf(res)]).toEqual([403, 'read_only_for_admins']);
    }
    expect((await adele.get(`/api/subscriptions/${adeleSub.id}`)).body).toMatchObject({
      total: 8,
      autoRenew: true,
      status: 'active',
    });
  });

  it('lets a global reader read every admin view and change nothing', async () => {
    for (const path of [
      '/api/admin/self-service-purchases',
      '/api/admin/self-service-policy',
      '/api/admin/audit',
      '/api/admin/audit.csv',
    ]) {
      expect((await reader.get(path)).status, path).toBe(200);
    }
    const changes = [
      await reader.put(`/api/admin/self-service-policy/${POWER_BI_PRO}`, { value: 'Disabled' }),
      await reader.post(`/api/admin/self-service-purchases/${adeleSub.id}/take-control`, {
        action: 'cancel',
        reason: 'x',
      }),
      await reader.put(`/api/subscriptions/${adeleSub.id}/licenses`, { total: 9 }),
      await buy(reader),
    ];
    for (const res of changes) expect([res.status, codeOf(res)]).toEqual([403, 'read_only']);
  });

  it("lists every subscription of the organization on an admin's Products page; an admin's purchase is not self-service", async () => {
    const own = await buy(admin, { productId: VISIO_PLAN_1, quantity: 5 });
    expect(own.body.selfService).toBe(false);
    const all = (await admin.get('/api/subscriptions')).body.items.map((s: { id: string }) => s.id);
    expect(all).toEqual(expect.arrayContaining([own.body.id, adeleSub.id]));
    const selfService = (await admin.get('/api/subscriptions?selfService=true')).body.items;
    expect(selfService.every((s: { selfService: boolean }) => s.selfService)).toBe(true);
    expect(selfService.map((s: { id: string }) => s.id)).not.toContain(own.body.id);
    expect(
      (await admin.get('/api/admin/self-service-purchases')).body.items.map((r: { id: string }) => r.id),
    ).not.toContain(own.body.id);
  });
});

describe('the self-service purchase policy', () => {
  it('lists eligible products as Enabled by default; admins and billing admins change it, with an audit event', async () => {
    const list = (await admin.get('/api/admin/self-service-policy')).body.items;
    expect(list.length).toBe(8);
    expect(list.every((p: { value: string }) => p.value === 'Enabled')).toBe(true);
    const res = await billing.put(`/api/admin/self-service-policy/${VISIO_PLAN_1}`, {
      value: 'OnlyTrialsWithoutPaymentMethod',
    });
    expect(res.body).toMatchObject({ productId: VISIO_PLAN_1, value: 'OnlyTrialsWithoutPaymentMethod' });
    const audit = (await admin.get('/api/admin/audit?action=policy.')).body.items;
    expect(audit[0]).toMatchObject({
      action: 'policy.changed',
      objectId: VISIO_PLAN_1,
      actor: { email: 'billing@contoso.example' },
      details: { from: 'Enabled', to: 'OnlyTrialsWithoutPaymentMethod' },
    });
    expect(codeOf(await adele.put(`/api/admin/self-service-policy/${VISIO_PLAN_1}`, { value: 'Enabled' }))).toBe(
      'admin_only',
    );
    expect(codeOf(await admin.put('/api/admin/self-service-policy/CFQ7TTC0LFLX', { value: 'Enabled' }))).toBe(
      'not_self_service_eligible',
    );
    expect(codeOf(await admin.put('/api/admin/self-service-policy/NOPE', { value: 'Enabled' }))).toBe('not_found');
    expect(codeOf(await admin.put(`/api/admin/self-service-policy/${VISIO_PLAN_1}`, { value: 'Maybe' }))).toBe(
      'validation_failed',
    );
  });

  it('is enforced on purchases from then on; existing subscriptions are untouched', async () => {
    await admin.put(`/api/admin/self-service-policy/${POWER_BI_PRO}`, { value: 'Disabled' });
    try {
      const refused = await megan.post(
        '/api/subscriptions',
        { productId: POWER_BI_PRO, quantity: 1, term: 'monthly', trial: true },
        { 'idempotency-key': randomUUID() },
      );
      expect([refused.status, codeOf(refused)]).toEqual([403, 'self_service_disabled']);
      expect((await adele.get(`/api/subscriptions/${adeleSub.id}`)).body.status).toBe('active');
      expect((await adele.put(`/api/subscriptions/${adeleSub.id}/auto-renew`, { enabled: true })).status).toBe(200);
    } finally {
      await admin.put(`/api/admin/self-service-policy/${POWER_BI_PRO}`, { value: 'Enabled' });
    }
  });
});

describe('taking control', () => {
  it('moves the users to an organization subscription in one go, deletes the purchase and tells the buyer', async () => {
    const purchase = (await buy(adele, { productId: 'CFQ7TTC0HD32', quantity: 4 })).body;
    await assignSome(app, purchase.id, 4);
    const small = (await buy(admin, { productId: 'CFQ7TTC0HD32', quantity: 3 })).body;
    const tooSmall = await admin.post(`/api/admin/self-service-purchases/${purchase.id}/take-control`, {
      action: 'move_users',
      targetSubscriptionId: small.id,
    });
    expect([tooSmall.status, codeOf(tooSmall)]).toEqual([409, 'insufficient_licenses']);
    expect(tooSmall.body).toMatchObject({ needed: 4, available: 3 });
    expect((await adele.get(`/api/subscriptions/${purchase.id}`)).body).toMatchObject({
      status: 'active',
      assigned: 4,
    });

    const target = (await buy(admin, { productId: 'CFQ7TTC0HD32', quantity: 10 })).body;
    const wrongProduct = await admin.post(`/api/admin/self-service-purchases/${purchase.id}/take-control`, {
      action: 'move_users',
      targetSubscriptionId: (await buy(admin, { productId: VISIO_PLAN_1 })).body.id,
    });
    expect(codeOf(wrongProduct)).toBe('product_mismatch');
    const res = await admin.post(`/api/admin/self-service-purchases/${purchase.id}/take-control`, {
      action: 'move_users',
      targetSubscriptionId: target.id,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'deleted', assigned: 0, autoRenew: false });
    expect((await admin.get(`/api/subscriptions/${target.id}`)).body).toMatchObject({ assigned: 4, available: 6 });
    const inbox = (await adele.get('/api/notifications')).body;
    expect(inbox.unread).toBeGreaterThanOrEqual(1);
    expect(inbox.items[0]).toMatchObject({
      kind: 'take_control',
      payload: { product: 'Visio Plan 2', action: 'move_users', people: 4 },
      readAt: null,
    });
    expect((await adele.post('/api/notifications/read', {})).body.unread).toBe(0);
    const again = await admin.post(`/api/admin/self-service-purchases/${purchase.id}/take-control`, {
      action: 'cancel',
      reason: 'x',
    });
    expect(codeOf(again)).toBe('subscription_deleted');
  });

  it('cancels a purchase: its people lose their licenses', async () => {
    const purchase = (await buy(megan, { productId: 'CFQ7TTC0HDB0', quantity: 3 })).body;
    await assignSome(app, purchase.id, 2);
    const res = await admin.post(`/api/admin/self-service-purchases/${purchase.id}/take-control`, {
      action: 'cancel',
      reason: 'We standardize on the organization plan.',
    });
    expect(res.body).toMatchObject({ status: 'deleted', assigned: 0 });
    expect((await megan.get('/api/notifications')).body.items[0]).toMatchObject({
      kind: 'take_control',
      payload: { action: 'cancel' },
    });
    const audit = (await reader.get(`/api/admin/audit?actor=${admin.personId}&action=subscription.taken_over`)).body
      .items;
    expect(audit.map((e: { objectId: string }) => e.objectId)).toContain(purchase.id);
  });
});

describe('the audit log', () => {
  it('pages newest first, filters by time, and exports CSV', async () => {
    const all = (await admin.get('/api/admin/audit?limit=100')).body.items;
    expect(all.length).toBeGreaterThan(5);
    const p1 = (await admin.get('/api/admin/audit?limit=3')).body;
    const p2 = (await admin.get(`/api/admin/audit?limit=3&cursor=${p1.nextCursor}`)).body;
    expect([...p1.items, ...p2.items].map((e: { id: number }) => e.id)).toEqual(
      all.slice(0, 6).map((e: { id: number }) => e.id),
    );
    expect((await admin.get('/api/admin/audit?from=2030-01-01T00:00:00Z')).body.items).toEqual([]);
    const csv = (await admin.get('/api/admin/audit.csv')).text;
    expect(csv.split('\r\n')[0]).toBe('At (UTC),Actor,Actor email,Action,Object type,Object id,Details');
    expect(csv).toContain('subscription.purchased');
  });

  it('gives 50 events a page when no limit is asked, as many as the web page asks for', async () => {
    const seen = (await admin.get('/api/admin/audit?limit=100')).body.items.length;
    for (let i = seen; i <= 50; i++)
      await recordAudit(app.deps.db, app.clock.now(), {
        orgId: admin.orgId,
        actorId: admin.personId,
        action: 'test.seeded',
        objectType: 'test',
        objectId: String(i),
      });
    const page = (await admin.get('/api/admin/audit')).body;
    expect([page.items.length, page.nextCursor]).toEqual([50, expect.any(String)]);
  });
});
