import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { useTestApp, signIn, type Client } from '../helpers/app.js';
import { buy } from '../helpers/commerce.js';
import { useSecondServer } from '../helpers/second-server.js';

// Two server processes on one PostgreSQL (on PGlite, two server instances in this process).
const OPERATIONS = process.env.SELFSERVE_SOAK ? 3_000 : 400;
const t = useTestApp();
const second = useSecondServer(t);

const contosoPeople = async (n: number) =>
  (
    await t.app.deps.db.query<{ id: string }>(
      `SELECT p.id FROM people p JOIN organizations o ON o.id = p.org_id WHERE o.name = 'Contoso' AND p.status = 'active'
     AND p.usage_location IS NOT NULL ORDER BY p.email LIMIT $1`,
      [n],
    )
  ).map((r) => r.id);

async function invariants() {
  const [row] = await t.app.deps.db.query<{
    oversold: number;
    miscounted: number;
    doubled: number;
    unbilled: number;
    orphans: number;
  }>(
    `SELECT (SELECT count(*)::int FROM subscriptions WHERE assigned > quantity) AS oversold,
            (SELECT count(*)::int FROM subscriptions s WHERE assigned <> (SELECT count(*) FROM license_assignments a WHERE a.org_id = s.org_id AND a.subscription_id = s.id)) AS miscounted,
            (SELECT count(*)::int FROM (SELECT 1 FROM license_assignments GROUP BY org_id, product_id, person_id HAVING count(*) > 1) d) AS doubled,
            (SELECT count(*)::int FROM charges c WHERE c.status = 'succeeded' AND (SELECT count(*) FROM invoices i WHERE i.org_id = c.org_id AND i.id = c.invoice_id) <> 1) AS unbilled,
            (SELECT count(*)::int FROM invoices i WHERE i.status IN ('paid', 'refunded') AND i.kind IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM charges c WHERE c.org_id = i.org_id AND c.invoice_id = i.id)) AS orphans`,
  );
  return row!;
}

describe('two servers under concurrent load', () => {
  it('keeps assigned = rows <= total with 60 concurrent assignments on one subscription', async () => {
    const one = await t.app.signIn('megan@contoso.example');
    const two = await signIn(second.url, 'megan@contoso.example');
    const sub = (await buy(one, { productId: 'CFQ7TTC0HD32', quantity: 12 })).body;
    const pool = await contosoPeople(45);
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        (i % 2 ? two : one).post(`/api/subscriptions/${sub.id}/assignments`, {
          userIds: [pool[i % 45]!, pool[(i * 11 + 3) % 45]!],
        }),
      ),
    );
    for (const a of answers) expect([200, 409]).toContain(a.status);
    const granted = answers
      .filter((a) => a.status === 200)
      .reduce((n, a) => n + (a.body as { assigned: string[] }).assigned.length, 0);
    const [row] = await t.app.deps.db.query<{ assigned: number }>('SELECT assigned FROM subscriptions WHERE id = $1', [
      sub.id,
    ]);
    expect([row!.assigned, granted]).toEqual([12, 12]);
    expect(await invariants()).toMatchObject({ oversold: 0, miscounted: 0, doubled: 0 });
  });

  it(`runs ${OPERATIONS} random assign, unassign, total and cancel operations from 64 clients without breaking an invariant`, async () => {
    const buyers: Client[] = [await t.app.signIn('adele@contoso.example'), await t.app.signIn('megan@contoso.example')];
    const remote: Client[] = [
      await signIn(second.url, 'adele@contoso.example'),
      await signIn(second.url, 'megan@contoso.example'),
    ];
    // a handful of subscriptions; two buyers share products so that one-license-per-product is contested
    const subs: { id: string; buyer: number }[] = [];
    for (const [buyer, productId, quantity] of [
      [0, 'CFQ7TTC0HD33', 6],
      [1, 'CFQ7TTC0HD33', 5],
      [0, 'CFQ7TTC0HDB0', 8],
      [1, 'CFQ7TTC0H6RP', 4],
      [0, 'CFQ7TTC0LH3L', 3],
    ] as const) {
      subs.push({ id: (await buy(buyers[buyer]!, { productId, quantity, term: 'monthly' })).body.id, buyer });
    }
    const people = await contosoPeople(30);
    const op = fc.record({
      kind: fc.constantFrom('assign', 'assign', 'assign', 'unassign', 'unassign', 'total', 'cancel'),
      sub: fc.integer({ min: 0, max: subs.length - 1 }),
      people: fc.uniqueArray(fc.integer({ min: 0, max: people.length - 1 }), { minLength: 1, maxLength: 3 }),
      total: fc.integer({ min: 1, max: 12 }),
      server: fc.boolean(),
    });
    const ops = fc.sample(op, { numRuns: OPERATIONS, seed: 4242 });
    const statuses = new Map<number, number>();
    let next = 0;
    await Promise.all(
      Array.from({ length: 64 }, async () => {
        while (next < ops.length) {
          const o = ops[next++]!;
          const s = subs[o.sub]!;
          const client = (o.server ? remote : buyers)[s.buyer]!;
          const userIds = o.people.map((i) => people[i]!);
          const res =
            o.kind === 'assign'
              ? await client.post(`/api/subscriptions/${s.id}/assignments`, { userIds })
              : o.kind === 'unassign'
                ? await client.post(`/api/subscriptions/${s.id}/assignments/remove`, { userIds })
                : o.kind === 'total'
                  ? await client.put(
                      `/api/subscriptions/${s.id}/licenses`,
                      { total: o.total },
                      { 'idempotency-key': randomUUID() },
                    )
                  : await client.post(`/api/subscriptions/${s.id}/cancel`, { reason: 'other' });
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
        }
      }),
    );
    const found = await invariants();
    console.log(
      `concurrency: ${ops.length} operations, statuses ${JSON.stringify(Object.fromEntries(statuses))}, violations ${JSON.stringify(found)}`,
    );
    expect(found).toEqual({ oversold: 0, miscounted: 0, doubled: 0, unbilled: 0, orphans: 0 });
  }, 120_000);
});
