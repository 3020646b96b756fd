import { randomUUID } from 'node:crypto';
import type { Client, TestApp } from './app.js';
import { insertSubscription } from '../../src/db/subscriptions.js';
import type { SubscriptionStatus } from '../../src/domain/subscription.js';

/** Test cards of the sandbox gateway. */
export const CARDS = {
  ok: '4242424242424242',
  declined: '4000000000000002',
  insufficientFunds: '4000000000009995',
  expired: '4000000000000069',
  incorrectCvc: '4000000000000127',
};

export const POWER_BI_PRO = 'CFQ7TTC0H9MP';
export const VISIO_PLAN_1 = 'CFQ7TTC0HD33';
export const POWER_APPS = 'CFQ7TTC0LH2H';
export const M365_E3 = 'CFQ7TTC0LFLX';

export const card = (number = CARDS.ok) => ({
  number,
  expMonth: 12,
  expYear: 2030,
  cvc: '123',
  nameOnCard: 'Adèle Vance',
  address: { line1: '1 rue de Rivoli', city: 'Paris', postalCode: '75001', country: 'FR' },
});

export const billingProfile = (country = 'FR') => ({
  name: 'Adèle Vance',
  address: { line1: '1 rue de Rivoli', city: 'Paris', postalCode: '75001' },
  country,
});

export const purchase = (overrides: Record<string, unknown> = {}) => ({
  productId: POWER_BI_PRO,
  quantity: 10,
  term: 'monthly',
  card: card(),
  billingProfile: billingProfile(),
  ...overrides,
});

/** Buys with a fresh Idempotency-Key; returns the response. */
export const buy = (client: Client, overrides: Record<string, unknown> = {}, key = randomUUID()) =>
  client.post('/api/subscriptions', purchase(overrides), { 'idempotency-key': key });

/** What the sandbox gateway recorded: charges and refunds that moved money. */
export async function gatewayMoves(app: TestApp): Promise<{ kind: string; amount: number; status: string }[]> {
  return app.deps.db.query(
    `SELECT kind, amount, status FROM gateway.charges WHERE kind <> 'verification' ORDER BY created_at, id`,
  );
}

export async function invoicesOf(app: TestApp, subscriptionId: string) {
  return app.deps.db.query<{
    number: string;
    kind: string;
    subtotal: number;
    tax: number;
    total: number;
    status: string;
    periodStart: Date;
    periodEnd: Date;
  }>(
    `SELECT number, kind, subtotal, tax, total, status, period_start AS "periodStart", period_end AS "periodEnd"
       FROM invoices WHERE subscription_id = $1 ORDER BY issued_at, number`,
    [subscriptionId],
  );
}

/**
 * A free monthly subscription of `buyer`'s, ending 1 April 2026, written straight to the database
 * in a state no purchase starts in (expired, disabled, a trial without its card).
 */
export const subscriptionIn = (
  app: TestApp,
  buyer: Client,
  s: { status: SubscriptionStatus; productId: string; quantity: number },
) =>
  insertSubscription(
    app.deps.db,
    {
      orgId: buyer.orgId,
      productId: s.productId,
      buyerId: buyer.personId,
      billingProfileId: null,
      selfService: true,
      status: s.status,
      term: 'monthly',
      quantity: s.quantity,
      unitPrice: 0,
      currency: 'EUR',
      termStart: app.clock.now(),
      termEnd: new Date('2026-04-01T09:00:00Z'),
      autoRenew: false,
      startedAsTrial: false,
    },
    app.clock.now(),
  );

/** Gives licenses of a subscription to n people of its organization who hold none of the product yet. */
export async function assignSome(app: TestApp, subscriptionId: string, n: number) {
  await app.deps.db.query(
    `INSERT INTO license_assignments (org_id, subscription_id, person_id, product_id, assigned_at)
     SELECT s.org_id, s.id, p.id, s.product_id, now() FROM subscriptions s
       JOIN LATERAL (SELECT id FROM people p WHERE p.org_id = s.org_id AND NOT EXISTS (SELECT 1 FROM license_assignments la
         WHERE la.org_id = p.org_id AND la.product_id = s.product_id AND la.person_id = p.id) ORDER BY email LIMIT $2) p ON true
      WHERE s.id = $1`,
    [subscriptionId, n],
  );
}

/**
 * Runs `fn` while the line to the payment gateway fails: after the gateway has charged (the
 * answer is lost), or before it hears anything.
 */
export async function withGatewayDown<T>(
  app: TestApp,
  when: 'after-charging' | 'before-charging',
  fn: () => Promise<T>,
): Promise<T> {
  const gateway = app.deps.gateway;
  const realCharge = gateway.charge.bind(gateway);
  gateway.charge = async (input) => {
    if (when === 'after-charging') await realCharge(input);
    throw new Error(when === 'after-charging' ? 'socket hang up' : 'connect ECONNREFUSED');
  };
  try {
    return await fn();
  } finally {
    gateway.charge = realCharge;
  }
}
