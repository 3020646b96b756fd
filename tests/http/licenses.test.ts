import { beforeAll, describe, expect, it } from 'vitest';
import { useSignedInApp, codeOf, type Client } from '../helpers/app.js';
import { buy, POWER_BI_PRO, subscriptionIn } from '../helpers/commerce.js';

const assign = (who: Client, id: string, userIds: string[]) =>
  who.post(`/api/subscriptions/${id}/assignments`, { userIds });
const unassign = (who: Client, id: string, userIds: string[]) =>
  who.post(`/api/subscriptions/${id}/assignments/remove`, { userIds });

// the same rules on the PostgreSQL server and on embedded PGlite (what `npm start` runs on)
const engines = process.env.DATABASE_URL ? (['postgres', 'pglite'] as const) : (['pglite'] as const);

describe.each(engines)('assigning licenses on %s', (engine) => {
  const t = useSignedInApp(['adele', 'megan', 'admin', 'joni'], { engine });
  let people: Record<string, string>;
  beforeAll(async () => {
    const rows = await t.app.deps.db.query<{ email: string; id: string }>('SELECT email, id FROM people');
    people = Object.fromEntries(rows.map((r) => [r.email, r.id]));
  });

  /** Ids of n Contoso people with a usage location, active, who are not the demo accounts. */
  async function colleagues(n: number, offset = 0): Promise<string[]> {
    const rows = await t.app.deps.db.query<{ id: string }>(
      `SELECT p.id FROM people p JOIN organizations o ON o.id = p.org_id WHERE o.name = 'Contoso' AND p.status = 'active'
         AND p.usage_location IS NOT NULL AND p.email NOT IN ('adele@contoso.example', 'megan@contoso.example') ORDER BY p.email OFFSET $2 LIMIT $1`,
      [n, offset],
    );
    return rows.map((r) => r.id);
  }
  const stored = async (id: string) =>
    (
      await t.app.deps.db.query<{ n: number; assigned: number }>(
        'SELECT (SELECT count(*)::int FROM license_assignments WHERE subscription_id = $1) AS n, assigned FROM subscriptions WHERE id = $1',
        [id],
      )
    )[0]!;

  it('assigns up to 20 people at a time, all of the organization, and lists them by name', async () => {
    const sub = (await buy(t.adele, { productId: 'CFQ7TTC0HD32', quantity: 25 })).body;
    const ids = await colleagues(20);
    const res = await assign(t.adele, sub.id, ids);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 25, assignedCount: 20, available: 5, alreadyAssigned: [] });
    expect(res.body.assigned).toHaveLength(20);
    const list = (await t.adele.get(`/api/subscriptions/${sub.id}/assignments?limit=50`)).body.items;
    expect(list).toHaveLength(20);
    expect(list[0]).toMatchObject({ assignedBy: { displayName: 'Adèle Vance' } });
    const names = list.map((a: { person: { displayName: string } }) => a.person.displayName);
    expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b, 'fr', { sensitivity: 'base' })));
    const licenses = (await t.adele.get('/api/licenses')).body.items.find(
      (l: { subscriptionId: string }) => l.subscriptionId === sub.id,
    );
    expect(licenses).toMatchObject({ total: 25, assigned: 20, available: 5 });
    const twentyOne = await assign(t.adele, sub.id, await colleagues(21));
    expect([twentyOne.status, codeOf(twentyOne)]).toEqual([422, 'too_many_users']);
    const csv = await t.adele.get(`/api/subscriptions/${sub.id}/assignments.csv`);
    expect(csv.text.trim().split('\r\n')).toHaveLength(21);
  });

  it('counts a person listed twice or already assigned once, and never oversells', async () => {
    const sub = (await buy(t.adele, { productId: 'CFQ7TTC0HDB1', quantity: 3 })).body;
    const [a, b, c, d] = await colleagues(4);
    const first = await assign(t.adele, sub.id, [a!, a!, b!]);
    expect(first.body).toMatchObject({ assignedCount: 2, available: 1 });
    const again = await assign(t.adele, sub.id, [b!, c!]);
    expect(again.body.alreadyAssigned.map((p: { id: string }) => p.id)).toEqual([b]);
    expect(again.body).toMatchObject({ assignedCount: 3, available: 0 });
    const full = await assign(t.adele, sub.id, [d!]);
    expect([full.status, codeOf(full)]).toEqual([409, 'insufficient_licenses']);
    expect(full.body.available).toBe(0);
    expect(await stored(sub.id)).toEqual({ n: 3, assigned: 3 });
  });

  it('refuses people of another organization, disabled people and people without a usage location, naming them; all or nothing', async () => {
    const sub = (await buy(t.adele, { productId: 'CFQ7TTC0HDB0', quantity: 10 })).body;
    const [ok] = await colleagues(1);
    const outsider = await assign(t.adele, sub.id, [ok!, people['joni@fabrikam.example']!]);
    expect([outsider.status, codeOf(outsider)]).toEqual([422, 'not_in_organization']);
    expect(outsider.body.users).toEqual([{ id: people['joni@fabrikam.example'], displayName: null }]);
    const disabled = await assign(t.adele, sub.id, [people['grady.archie@contoso.example']!]);
    expect(codeOf(disabled)).toBe('not_in_organization');
    expect(disabled.body.detail).toContain('Grady Archie');
    const noLocation = await assign(t.adele, sub.id, [ok!, people['nestor.wilke@contoso.example']!]);
    expect([noLocation.status, codeOf(noLocation)]).toEqual([422, 'usage_location_required']);
    expect(noLocation.body.users).toEqual([
      { id: people['nestor.wilke@contoso.example'], displayName: 'Nestor Wilke' },
    ]);
    expect(await stored(sub.id)).toEqual({ n: 0, assigned: 0 });
  });

  it('gives a person one license of a product, whatever the subscription', async () => {
    const one = (await buy(t.adele, { productId: POWER_BI_PRO, quantity: 2 })).body;
    const two = (await buy(t.megan, { productId: POWER_BI_PRO, quantity: 2 })).body;
    const [p] = await colleagues(1, 30);
    expect((await assign(t.adele, one.id, [p!])).status).toBe(200);
    const twice = await assign(t.megan, two.id, [p!]);
    expect([twice.status, codeOf(twice)]).toEqual([409, 'already_licensed']);
    expect(twice.body.users[0].id).toBe(p);
    // at the same time on both subscriptions: one wins, the other is told who
    for (let round = 0; round < 5; round++) {
      await unassign(t.adele, one.id, [p!]);
      await unassign(t.megan, two.id, [p!]);
      const answers = await Promise.all([assign(t.adele, one.id, [p!]), assign(t.megan, two.id, [p!])]);
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
      expect(answers.find((a) => a.status === 409)!.body.users).toEqual([{ id: p, displayName: expect.any(String) }]);
    }
  });

  it('answers the same request sent three times at once (a double click) as assigned once, never as a conflict', async () => {
    const sub = (await buy(t.adele, { productId: 'CFQ7TTC0LH2H', quantity: 3 })).body;
    for (const p of await colleagues(3, 45)) {
      const answers = await Promise.all([
        assign(t.adele, sub.id, [p]),
        assign(t.adele, sub.id, [p]),
        assign(t.adele, sub.id, [p]),
      ]);
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
      expect(answers.flatMap((a) => a.body.assigned.map((x: { id: string }) => x.id))).toEqual([p]);
      expect(answers.flatMap((a) => a.body.alreadyAssigned.map((x: { id: string }) => x.id))).toEqual([p, p]);
    }
    expect(await stored(sub.id)).toEqual({ n: 3, assigned: 3 });
  });

  it('only the buyer assigns; admins read, others find nothing', async () => {
    const sub = (await buy(t.adele, { productId: 'CFQ7TTC0H6RP', quantity: 2 })).body;
    const [p] = await colleagues(1);
    expect(codeOf(await assign(t.megan, sub.id, [p!]))).toBe('not_found');
    expect(codeOf(await assign(t.joni, sub.id, [p!]))).toBe('not_found');
    expect(codeOf(await assign(t.admin, sub.id, [p!]))).toBe('read_only_for_admins');
    expect((await t.admin.get(`/api/subscriptions/${sub.id}/assignments`)).status).toBe(200);
    expect(codeOf(await t.megan.get(`/api/subscriptions/${sub.id}/assignments`))).toBe('not_found');
  });

  it('unassigns 1 to 20 people; someone not assigned is not an error; every change is audited', async () => {
    const sub = (await buy(t.adele, { productId: 'CFQ7TTC0LH3L', quantity: 5 })).body;
    const [a, b, c] = await colleagues(3);
    await assign(t.adele, sub.id, [a!, b!]);
    const res = await unassign(t.adele, sub.id, [a!, c!]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ unassigned: [a], assignedCount: 1, available: 4 });
    expect(codeOf(await unassign(t.adele, sub.id, await colleagues(21)))).toBe('too_many_users');
    const audit = await t.app.deps.db.query<{ action: string }>(
      `SELECT action FROM audit_events WHERE object_id = $1 AND action LIKE 'license.%' ORDER BY id`,
      [sub.id],
    );
    expect(audit.map((e) => e.action)).toEqual(['license.assigned', 'license.unassigned']);
  });

  it('assigns only on an active subscription or a trial', async () => {
    const sub = (await buy(t.adele, { productId: 'CFQ7TTC0HD33', quantity: 2 })).body;
    await t.adele.post(`/api/subscriptions/${sub.id}/cancel`, { reason: 'other' }); // within 7 days: disabled
    const [p] = await colleagues(1, 40);
    expect(codeOf(await assign(t.adele, sub.id, [p!]))).toBe('subscription_not_active');
    const withStatus = (status: 'trial' | 'expired') =>
      subscriptionIn(t.app, t.adele, { status, productId: 'CFQ7TTC0LH2H', quantity: 2 });
    const expired = await withStatus('expired');
    expect([(await assign(t.adele, expired.id, [p!])).status, codeOf(await assign(t.adele, expired.id, [p!]))]).toEqual(
      [409, 'subscription_not_active'],
    );
    const trial = await withStatus('trial');
    expect((await assign(t.adele, trial.id, [p!])).body).toMatchObject({ assignedCount: 1, available: 1 });
  });

  it('answers a bad request with a 4xx problem, never a 500', async () => {
    const sub = (await buy(t.adele, { productId: 'CFQ7TTC0HD32', quantity: 1 })).body;
    expect(codeOf(await assign(t.adele, sub.id, []))).toBe('validation_failed');
    expect(codeOf(await assign(t.adele, sub.id, ['not-a-uuid']))).toBe('validation_failed');
    expect(codeOf(await t.adele.post(`/api/subscriptions/${sub.id}/assignments`, { users: [] }))).toBe(
      'validation_failed',
    );
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(codeOf(await assign(t.adele, unknown, [people['megan@contoso.example']!]))).toBe('not_found');
    expect(codeOf(await t.adele.get(`/api/subscriptions/${unknown}/assignments`))).toBe('not_found');
    expect(codeOf(await t.adele.get(`/api/subscriptions/${sub.id}/assignments?cursor=garbage`))).toBe('invalid_cursor');
    expect(codeOf(await t.adele.get('/api/subscriptions/nope/assignments.csv'))).toBe('validation_failed');
  });

  it('pages the assigned people and exports them as CSV', async () => {
    const sub = (await buy(t.megan, { productId: 'CFQ7TTC0LH3L', quantity: 5 })).body;
    const ids = await colleagues(5, 10);
    expect((await assign(t.megan, sub.id, ids)).status).toBe(200);
    const first = (await t.megan.get(`/api/subscriptions/${sub.id}/assignments?limit=3`)).body;
    expect(first.items).toHaveLength(3);
    const second = (
      await t.megan.get(
        `/api/subscriptions/${sub.id}/assignments?limit=3&cursor=${encodeURIComponent(first.nextCursor)}`,
      )
    ).body;
    expect(second).toMatchObject({ nextCursor: null });
    expect(new Set([...first.items, ...second.items].map((a: { person: { id: string } }) => a.person.id))).toEqual(
      new Set(ids),
    );
    const csv = await t.megan.get(`/api/subscriptions/${sub.id}/assignments.csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const [header, row] = csv.text.split('\r\n');
    expect(header).toBe('Name,Email,Usage location,Assigned at (UTC),Assigned by');
    expect(row).toContain(first.items[0].person.email);
    expect(row).toContain('Megan Bowen');
  });

  it('keeps assigned <= total under 60 concurrent requests, the count equal to the rows', async () => {
    const sub = (await buy(t.megan, { productId: 'CFQ7TTC0HD33', quantity: 7 })).body;
    const pool = await colleagues(40);
    const requests = Array.from({ length: 60 }, (_, i) =>
      assign(t.megan, sub.id, [pool[i % 40]!, pool[(i * 7) % 40]!]),
    );
    const answers = await Promise.all(requests);
    for (const a of answers) expect([200, 409]).toContain(a.status);
    const final = await stored(sub.id);
    expect(final.assigned).toBeLessThanOrEqual(7);
    expect(final.n).toBe(final.assigned);
    expect(final.assigned).toBe(7);
  });
});
