import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestApp, type Client, type TestApp, type TestResponse } from '../helpers/app.js';
import { startServerProcess, type ServerProcess } from '../helpers/second-server.js';
import { purchase } from '../helpers/commerce.js';
import { checkLedger, unbookedGatewayMoves, type Violation } from '../helpers/ledger.js';
import { runJobsOnce } from '../../src/services/jobs/run-jobs.js';

/**
 * Every pair of operations that moves money or seats (the same one twice included) is raced from
 * two server processes on one PostgreSQL, each round on a fresh subscription, with random timing.
 * The outcome must be one a serial order would give (both in either order, or one refused), and
 * the books must balance after every race: charges against invoices and credit notes, against the
 * gateway's own records, against the licenses held and the pricing rules.
 */
const T0 = '2026-06-10T09:00:00.000Z';
const ROUNDS = process.env.SELFSERVE_SOAK ? 20 : 3;
const DAY = 86_400_000;
const daysBefore = (days: number) => new Date(Date.parse(T0) - days * DAY);

let app: TestApp;
let second: ServerProcess;
/** [this process, the other process] */
let admins: [Client, Client];
let adele: [Client, Client];
/** one trial per person and product: each trial world has a buyer and product of its own */
let trials: { email: string; productId: string }[];

beforeAll(async () => {
  app = await startTestApp();
  app.clock.set(T0);
  second = await startServerProcess(app);
  admins = [await app.signIn('admin@contoso.example'), await signIn(second.url, 'admin@contoso.example')];
  adele = [await app.signIn('adele@contoso.example'), await signIn(second.url, 'adele@contoso.example')];
  trials = await app.deps.db.query<{ email: string; productId: string }>(
    `SELECT p.email, pr.id AS "productId" FROM people p JOIN organizations o ON o.id = p.org_id CROSS JOIN products pr
      WHERE o.name = 'Contoso' AND p.role = 'member' AND p.status = 'active' AND pr.trial_days > 0 AND pr.self_service_eligible
      ORDER BY pr.id, p.email`,
  );
}, 120_000);
afterAll(async () => {
  await second?.kill();
  await app?.close();
});

interface World {
  id: string;
  productId: string;
  buyer: [Client, Client];
  /** people of the organization: the first `assigned` hold a license, the others hold none of the product */
  people: string[];
  invoiceId?: string;
  paymentMethodId?: string;
}

interface Scenario {
  name: string;
  build(): Promise<World>;
  ops: Record<string, (side: 0 | 1, w: World) => Promise<TestResponse | 'job'>>;
}

// worlds are made through the API too, at earlier times of this process's clock
async function at<T>(when: Date, fn: () => Promise<T>): Promise<T> {
  app.clock.set(when);
  try {
    return await fn();
  } finally {
    app.clock.set(T0);
  }
}
async function buyAt(when: Date, buyer: Client, input: Record<string, unknown>): Promise<{ id: string }> {
  const res = await at(when, () =>
    buyer.post('/api/subscriptions', purchase({ productId: 'CFQ7TTC0HD33', ...input }), {
      'idempotency-key': randomUUID(),
    }),
  );
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string };
}
const freePeople = async (productId: string, n: number) =>
  (
    await app.deps.db.query<{ id: string }>(
      `SELECT p.id FROM people p JOIN organizations o ON o.id = p.org_id WHERE o.name = 'Contoso' AND p.status = 'active'
      AND p.usage_location IS NOT NULL AND NOT EXISTS (SELECT 1 FROM license_assignments a WHERE a.org_id = p.org_id
      AND a.person_id = p.id AND a.product_id = $1) ORDER BY p.email LIMIT $2`,
      [productId, n],
    )
  ).map((r) => r.id);
const paymentMethodOf = async (subscriptionId: string) =>
  (
    await app.deps.db.query<{ id: string; token: string }>(
      `SELECT pm.id, pm.gateway_token AS token FROM subscriptions s JOIN billing_profiles bp ON bp.org_id = s.org_id AND bp.id = s.billing_profile_id
     JOIN payment_methods pm ON pm.org_id = bp.org_id AND pm.id = bp.payment_method_id WHERE s.id = $1`,
      [subscriptionId],
    )
  )[0]!;
const job = async () => {
  await runJobsOnce(app.deps);
  return 'job' as const;
};

const total = (n: number) => (side: 0 | 1, w: World) =>
  w.buyer[side].put(`/api/subscriptions/${w.id}/licenses`, { total: n });
const cancel = (side: 0 | 1, w: World) => w.buyer[side].post(`/api/subscriptions/${w.id}/cancel`, { reason: 'other' });
const autoRenew = (enabled: boolean) => (side: 0 | 1, w: World) =>
  w.buyer[side].put(`/api/subscriptions/${w.id}/auto-renew`, { enabled });
const reactivate = (side: 0 | 1, w: World) =>
  w.buyer[side].post(`/api/subscriptions/${w.id}/reactivate`, undefined, { 'idempotency-key': randomUUID() });
const takeControl = (side: 0 | 1, w: World) =>
  admins[side].post(`/api/admin/self-service-purchases/${w.id}/take-control`, {
    action: 'cancel',
    reason: 'central purchase',
  });

const SCENARIOS: Scenario[] = [
  {
    // bought 3 days ago, raised to 5 the next day (two charges to refund from), 2 people licensed
    name: 'an active subscription in its refund window',
    async build() {
      const productId = 'CFQ7TTC0HD33';
      const sub = await buyAt(daysBefore(3), adele[0], { productId, quantity: 3, term: 'monthly' });
      await at(daysBefore(2), () => adele[0].put(`/api/subscriptions/${sub.id}/licenses`, { total: 5 }));
      const people = await freePeople(productId, 4);
      await adele[0].post(`/api/subscriptions/${sub.id}/assignments`, { userIds: people.slice(0, 2) });
      return { id: sub.id, productId, buyer: adele, people };
    },
    ops: {
      'raise to 8': total(8),
      'lower to 4': total(4),
      'lower to 3': total(3),
      cancel,
      'auto-renew off': autoRenew(false),
      assign: (side, w) => w.buyer[side].post(`/api/subscriptions/${w.id}/assignments`, { userIds: [w.people[2]] }),
      unassign: (side, w) =>
        w.buyer[side].post(`/api/subscriptions/${w.id}/assignments/remove`, { userIds: [w.people[0]] }),
      'take control': takeControl,
    },
  },
  {
    // the renewal 5 days ago was refused by the card: Expired, its invoice due; the card pays again now
    name: 'an expired subscription with a due invoice',
    async build() {
      const productId = 'CFQ7TTC0H9MP';
      const sub = await buyAt(daysBefore(35), adele[0], { productId, quantity: 4 });
      const pm = await paymentMethodOf(sub.id);
      await app.deps.db.query(`UPDATE gateway.cards SET outcome = 'insufficient_funds' WHERE token = $1`, [pm.token]);
      await at(daysBefore(4), () => runJobsOnce(app.deps));
      await app.deps.db.query(`UPDATE gateway.cards SET outcome = 'ok' WHERE token = $1`, [pm.token]);
      const [due] = await app.deps.db.query<{ id: string }>(
        `SELECT id FROM invoices WHERE subscription_id = $1 AND status = 'due'`,
        [sub.id],
      );
      return { id: sub.id, productId, buyer: adele, people: [], invoiceId: due!.id, paymentMethodId: pm.id };
    },
    ops: {
      'pay now': (side, w) =>
        w.buyer[side].post(
          `/api/invoices/${w.invoiceId}/pay`,
          { paymentMethodId: w.paymentMethodId },
          { 'idempotency-key': randomUUID() },
        ),
      reactivate,
      'renewal retry': job,
      cancel,
      'auto-renew off': autoRenew(false),
      'take control': takeControl,
    },
  },
  {
    name: 'a subscription expired without renewal',
    async build() {
      const productId = 'CFQ7TTC0HDB0';
      const sub = await buyAt(daysBefore(35), adele[0], { productId, quantity: 2 });
      await at(daysBefore(34), () => adele[0].put(`/api/subscriptions/${sub.id}/auto-renew`, { enabled: false }));
      await at(daysBefore(4), () => runJobsOnce(app.deps));
      return { id: sub.id, productId, buyer: adele, people: [] };
    },
    ops: { reactivate, 'auto-renew on': autoRenew(true), cancel, 'take control': takeControl },
  },
  {
    // a 30-day trial with a card, ending now: the job converts it, unless the policy no longer lets members buy
    name: 'a trial at its end',
    async build() {
      const { email, productId } = trials.shift()!;
      const buyer: [Client, Client] = [await app.signIn(email), await signIn(second.url, email)];
      const sub = await buyAt(daysBefore(30), buyer[0], { productId, quantity: 3, trial: true });
      return { id: sub.id, productId, buyer, people: [] };
    },
    ops: {
      conversion: job,
      'raise to 8': total(8),
      cancel,
      'auto-renew off': autoRenew(false),
      'take control': takeControl,
      'trials only': (side, w) =>
        admins[side].put(`/api/admin/self-service-policy/${w.productId}`, { value: 'OnlyTrialsWithoutPaymentMethod' }),
    },
  },
];

interface Run {
  state: string;
  answers: string[];
  violations: Violation[];
}

/** What a person would see of the subscription and their money afterwards. */
async function observe(w: World) {
  const [row] = await app.deps.db.query(
    `SELECT s.status, s.quantity AS total, s.pending_quantity AS "pendingTotal", s.auto_renew AS "autoRenew", s.canceled_at IS NOT NULL AS canceled,
            s.assigned, s.term_start AS "termStart", s.term_end AS "termEnd",
            (SELECT coalesce(sum(CASE c.kind WHEN 'charge' THEN c.amount ELSE -c.amount END), 0)::bigint FROM charges c
              WHERE c.subscription_id = s.id AND c.status = 'succeeded') AS "netCharged",
            (SELECT count(*)::int FROM invoices i WHERE i.subscription_id = s.id AND i.status = 'due') AS due,
            coalesce((SELECT p.value FROM self_service_policies p WHERE p.org_id = s.org_id AND p.product_id = $2), 'Enabled') AS policy
       FROM subscriptions s WHERE s.id = $1`,
    [w.id, w.productId],
  );
  return JSON.stringify(row);
}

async function run(scenario: Scenario, names: string[], concurrent: boolean): Promise<Run> {
  const w = await scenario.build();
  const ops = names.map((n) => scenario.ops[n]!);
  const answer = (r: TestResponse | 'job') =>
    r === 'job'
      ? 'job'
      : `${r.status}${(r.body as { code?: string })?.code ? ` ${(r.body as { code: string }).code}` : ''}`;
  let answers: string[];
  if (concurrent) {
    // both at once, or one side a few milliseconds later, at random: interleavings get their chance over the rounds
    const late = Math.floor(Math.random() * 2);
    const delay = Math.random() < 0.5 ? 0 : Math.random() * 6;
    answers = (
      await Promise.all(
        ops.map(async (op, i) => {
          if (i === late) await new Promise((r) => setTimeout(r, delay));
          return op(i as 0 | 1, w);
        }),
      )
    ).map(answer);
  } else {
    answers = [];
    for (const op of ops) answers.push(answer(await op(0, w)));
  }
  const result = { state: await observe(w), answers, violations: await checkLedger(app.deps.db, [w.id]) };
  // leave the people and the policy as they were for the next world
  await app.deps.db.query('DELETE FROM license_assignments WHERE subscription_id = $1', [w.id]);
  await admins[0].put(`/api/admin/self-service-policy/${w.productId}`, { value: 'Enabled' });
  return result;
}

describe.each(SCENARIOS)('every pair of operations raced on $name', (scenario) => {
  it('ends as some serial order would, with the books balanced after every race', async () => {
    const names = Object.keys(scenario.ops);
    const serial = new Map<string, Run>();
    const reference = async (order: string[]) => {
      const key = order.join(' then ');
      if (!serial.has(key)) serial.set(key, await run(scenario, order, false));
      return serial.get(key)!;
    };
    const problems: string[] = [];
    let races = 0;
    for (const [i, a] of names.entries()) {
      for (const b of names.slice(i)) {
        for (let round = 0; round < ROUNDS; round++) {
          const got = await run(scenario, [a, b], true);
          races++;
          const where = `${a} | ${b}`;
          if (got.answers.some((s) => s.startsWith('5'))) problems.push(`${where}: answered ${got.answers.join(', ')}`);
          for (const v of got.violations) problems.push(`${where}: ${v.rule}: ${v.detail}`);
          const orders = [[a], [b], [a, b], [b, a]];
          let serializable = false;
          for (const order of orders) {
            if ((await reference(order)).state === got.state) {
              serializable = true;
              break;
            }
          }
          if (!serializable) {
            const seen = await Promise.all(
              orders.map(async (o) => `${o.join(' then ')}: ${(await reference(o)).state}`),
            );
            problems.push(
              `${where}: ${got.state} (answers ${got.answers.join(', ')}) is no serial order's outcome:\n  ${seen.join('\n  ')}`,
            );
          }
        }
      }
    }
    for (const [order, r] of serial)
      for (const v of r.violations) problems.push(`serial ${order}: ${v.rule}: ${v.detail}`);
    console.log(
      `money races, ${scenario.name}: ${races} races of ${names.length} operations, ${races + serial.size} subscriptions checked, ${problems.length} problems`,
    );
    expect(problems).toEqual([]);
  }, 600_000);
});

it('leaves no money moved at the gateway that our books do not know', async () => {
  expect(await unbookedGatewayMoves(app.deps.db)).toBe(0);
});
