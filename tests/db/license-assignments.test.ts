import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { isCheckViolation, isUniqueViolation, type Queryable } from '../../src/db/database.js';
import { insertSubscription } from '../../src/db/subscriptions.js';
import { assignSeats, listAssignments, unassignSeats } from '../../src/db/license-assignments.js';

// The seat invariant is the database's own: whatever code writes the rows, and however many
// transactions run at once, assigned stays <= quantity and equal to the rows.
const NOW = new Date('2026-03-02T09:00:00Z');
const POWER_BI_PRO = 'CFQ7TTC0H9MP';
const VISIO_PLAN_1 = 'CFQ7TTC0HD33';

const engines = process.env.DATABASE_URL ? (['postgres', 'pglite'] as const) : (['pglite'] as const);

describe.each(engines)('license_assignments on %s', (engine) => {
  let t: TestDatabase;
  let orgId: string;
  let buyer: string;
  let people: string[];
  beforeAll(async () => {
    t = await createTestDatabase({ engine });
    const rows = await t.db.query<{ orgId: string; id: string; email: string }>(
      `SELECT p.org_id AS "orgId", p.id, p.email FROM people p JOIN organizations o ON o.id = p.org_id WHERE o.name = 'Contoso' ORDER BY p.email`,
    );
    orgId = rows[0]!.orgId;
    buyer = rows.find((r) => r.email === 'adele@contoso.example')!.id;
    people = rows.filter((r) => r.id !== buyer).map((r) => r.id);
  });
  afterAll(() => t?.drop());

  const subscription = (quantity: number, productId = POWER_BI_PRO) =>
    insertSubscription(
      t.db,
      {
        orgId,
        productId,
        buyerId: buyer,
        billingProfileId: null,
        selfService: true,
        status: 'active',
        term: 'monthly',
        quantity,
        unitPrice: 940,
        currency: 'EUR',
        termStart: NOW,
        termEnd: new Date('2026-04-02T09:00:00Z'),
        autoRenew: true,
        startedAsTrial: false,
      },
      NOW,
    );
  const counts = async (id: string) =>
    (
      await t.db.query<{ rows: number; assigned: number }>(
        'SELECT (SELECT count(*)::int FROM license_assignments WHERE org_id = $1 AND subscription_id = $2) AS rows, assigned FROM subscriptions WHERE org_id = $1 AND id = $2',
        [orgId, id],
      )
    )[0]!;
  // rows written straight, without the service's lock or checks: the database alone must hold
  const add = async (db: Queryable, subscriptionId: string, personIds: string[], productId = POWER_BI_PRO) =>
    (
      await db.query<{ personId: string }>(
        `INSERT INTO license_assignments (org_id, subscription_id, person_id, product_id, assigned_at, assigned_by)
       SELECT $1, $2, unnest($3::uuid[]), $4, $5, $6 RETURNING person_id AS "personId"`,
        [orgId, subscriptionId, personIds, productId, NOW, buyer],
      )
    ).map((r) => r.personId);
  const assign = async (subscriptionId: string, personIds: string[]) =>
    (await assignSeats(t.db, { orgId, subscriptionId, personIds, by: buyer }, NOW)).changed;
  const unassign = async (subscriptionId: string, personIds: string[]) =>
    (await unassignSeats(t.db, { orgId, subscriptionId, personIds, by: buyer }, NOW)).changed;
  const caught = (p: Promise<unknown>) =>
    p.then(
      () => undefined,
      (err: unknown) => err,
    );

  it('refuses a statement that would assign more licenses than bought, and keeps none of it', async () => {
    const sub = await subscription(3);
    expect(await add(t.db, sub.id, people.slice(0, 2))).toEqual(people.slice(0, 2));
    const err = await caught(add(t.db, sub.id, people.slice(2, 4)));
    expect(isCheckViolation(err, 'subscriptions_seats')).toBe(true);
    expect(await counts(sub.id)).toEqual({ rows: 2, assigned: 2 });
  });

  it('skips a person already on the subscription (the same request twice) and adds only the others', async () => {
    const sub = await subscription(3, 'CFQ7TTC0HD32');
    await assign(sub.id, [people[40]!]);
    expect(await assign(sub.id, [people[40]!, people[41]!])).toEqual([people[41]]);
    expect(await assign(sub.id, [people[40]!])).toEqual([]);
    expect(await counts(sub.id)).toEqual({ rows: 2, assigned: 2 });
    const audit = await t.db.query<{ users: string[] }>(
      `SELECT details->'users' AS users FROM audit_events WHERE org_id = $1 AND object_id = $2 ORDER BY id`,
      [orgId, sub.id],
    );
    expect(audit.map((e) => e.users)).toEqual([[people[40]], [people[41]]]);
  });

  it('refuses a second license of a product to one person, even from another subscription', async () => {
    const [one, two] = [await subscription(2, VISIO_PLAN_1), await subscription(2, VISIO_PLAN_1)];
    await add(t.db, one.id, [people[10]!], VISIO_PLAN_1);
    expect(isUniqueViolation(await caught(add(t.db, two.id, [people[10]!], VISIO_PLAN_1)))).toBe(true);
    expect(await counts(two.id)).toEqual({ rows: 0, assigned: 0 });
  });

  it('never updates a row in place (a move is a delete and an insert, so the counts follow)', async () => {
    const sub = await subscription(1, 'CFQ7TTC0LH3L');
    await add(t.db, sub.id, [people[11]!], 'CFQ7TTC0LH3L');
    const err = await caught(
      t.db.query('UPDATE license_assignments SET person_id = $3 WHERE org_id = $1 AND subscription_id = $2', [
        orgId,
        sub.id,
        people[12],
      ]),
    );
    expect((err as Error).message).toContain('not updated');
  });

  it('deletes only the people assigned, counts them back and audits only a real change', async () => {
    const sub = await subscription(5, 'CFQ7TTC0HDB1');
    await assign(sub.id, people.slice(20, 23));
    expect(await unassign(sub.id, [people[20]!, people[30]!])).toEqual([people[20]]);
    expect(await unassign(sub.id, [people[30]!])).toEqual([]);
    expect(await counts(sub.id)).toEqual({ rows: 2, assigned: 2 });
    const audit = await t.db.query<{ action: string; users: string[] }>(
      `SELECT action, details->'users' AS users FROM audit_events WHERE org_id = $1 AND object_id = $2 ORDER BY id`,
      [orgId, sub.id],
    );
    expect(audit).toEqual([
      { action: 'license.assigned', users: expect.arrayContaining(people.slice(20, 23)) },
      { action: 'license.unassigned', users: [people[20]] },
    ]);
  });

  it('lists the assigned people by name, a page at a time, only of its organization', async () => {
    const sub = await subscription(10, 'CFQ7TTC0HDB0');
    await add(t.db, sub.id, people.slice(0, 7), 'CFQ7TTC0HDB0');
    const first = await listAssignments(t.db, orgId, sub.id, { limit: 4 });
    const last = first.at(-1)!;
    const second = await listAssignments(t.db, orgId, sub.id, {
      limit: 4,
      after: { name: last.sortName, id: last.person.id },
    });
    const names = [...first, ...second].map((a) => a.sortName);
    expect(names).toHaveLength(7);
    expect(names).toEqual([...names].sort());
    expect(first[0]!.assignedBy?.id).toBe(buyer);
    const fabrikam = (await t.db.query<{ id: string }>(`SELECT id FROM organizations WHERE name = 'Fabrikam'`))[0]!.id;
    expect(await listAssignments(t.db, fabrikam, sub.id, { limit: 10 })).toEqual([]);
  });

  it('decides a seat change in one statement: refused with the rule that refused it, and nothing written', async () => {
    const sub = await subscription(2, 'CFQ7TTC0LH2H');
    const change = (personIds: string[], by = buyer) =>
      assignSeats(t.db, { orgId, subscriptionId: sub.id, personIds, by }, NOW);
    expect((await change(people.slice(0, 3))).verdict).toBe('insufficient_licenses');
    expect((await change([people[0]!], people[5])).verdict).toBe('not_buyer');
    const noLocation = (
      await t.db.query<{ id: string }>(`SELECT id FROM people WHERE org_id = $1 AND usage_location IS NULL LIMIT 1`, [
        orgId,
      ])
    )[0]!.id;
    expect((await change([noLocation])).verdict).toBe('usage_location_required');
    const disabled = (
      await t.db.query<{ id: string }>(`SELECT id FROM people WHERE org_id = $1 AND status = 'disabled' LIMIT 1`, [
        orgId,
      ])
    )[0]!.id;
    expect((await change([disabled])).verdict).toBe('not_in_organization');
    expect(await counts(sub.id)).toEqual({ rows: 0, assigned: 0 });
    const done = await change(people.slice(0, 2));
    expect([done.verdict, done.changed.length, done.subscription?.quantity]).toEqual(['ok', 2, 2]);
  });

  it('holds under 40 concurrent transactions that insert without any lock of their own', async () => {
    const sub = await subscription(9, 'CFQ7TTC0H6RP');
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        caught(t.db.transaction((tx) => add(tx, sub.id, [people[i]!], 'CFQ7TTC0H6RP'))),
      ),
    );
    const refused = results.filter((e) => e !== undefined);
    for (const e of refused) expect(isCheckViolation(e, 'subscriptions_seats'), (e as Error).message).toBe(true);
    expect(refused).toHaveLength(31);
    expect(await counts(sub.id)).toEqual({ rows: 9, assigned: 9 });
  });
});
