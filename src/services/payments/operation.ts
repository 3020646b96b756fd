import type { Deps } from '../deps.js';
import type { Queryable } from '../../db/database.js';
import {
  completeCharge,
  findChargeByKey,
  findPendingParts,
  insertPendingCharge,
  lockPendingCharge,
  reopenUnsentCharge,
  type Charge,
  type ChargePurpose,
} from '../../db/charges.js';
import { lockSubscription, setPendingOperation, type Subscription } from '../../db/subscriptions.js';
import type { GatewayCharge } from '../../gateway/gateway.js';
import type { Currency } from '../../domain/money.js';
import type { MethodType } from '../../domain/payment-methods.js';
import { AppError, notFound } from '../../domain/errors.js';
import { COMPLETIONS, type ChargeContext } from './completions.js';
import { methodOf } from './methods/index.js';

/** One movement of an operation: a payment method charged, or an earlier charge (partly) given back through its method. */
export type Part =
  | {
      kind: 'charge';
      amount: number;
      method: MethodType;
      token: string;
      paymentMethodId: string | null;
      context: ChargeContext;
    }
  | { kind: 'refund'; amount: number; refundOf: Charge; context: ChargeContext };

/** A movement's answer, with the method that made it (whose refusal a failure is). */
export type Outcome = GatewayCharge & { method: MethodType };

/**
 * Money that moves for one decision: what it pays for names it (`key`: the purchase, the
 * subscription's state it was decided from, the invoice), and the gateway's idempotency keys
 * derive from that name, so that two requests for the same thing can never move money twice.
 */
export interface MoneyOperation {
  orgId: string;
  subscriptionId: string;
  key: string;
  purpose: ChargePurpose;
  currency: Currency;
  /** licenses paid for (> 0) or given back (< 0) from periodStart to the term's end */
  licenses: number;
  term: { start: Date; end: Date };
  periodStart: Date;
  parts: Part[];
}

const paymentUnconfirmed = () =>
  new AppError(
    'payment_unconfirmed',
    'The payment service did not answer. Nothing will be charged twice: retry, or the payment is completed or canceled automatically within minutes.',
  );

/**
 * Records the operation's parts as pending in the caller's transaction (before the gateway hears
 * of them) and marks the subscription busy with it. A key already known is a retry: its parts are
 * returned as they are, to be finished rather than made again.
 */
export async function startOperation(
  tx: Queryable,
  op: MoneyOperation,
  now: Date,
  opts: { markSubscription: boolean },
): Promise<Charge[]> {
  const charges: Charge[] = [];
  for (const [i, part] of op.parts.entries()) {
    const idempotencyKey = op.parts.length === 1 ? op.key : `${op.key}#${i + 1}`;
    const inserted = await insertPendingCharge(
      tx,
      {
        orgId: op.orgId,
        kind: part.kind,
        operation: op.key,
        idempotencyKey,
        subscriptionId: op.subscriptionId,
        method: part.kind === 'charge' ? part.method : part.refundOf.method,
        paymentMethodId: part.kind === 'charge' ? part.paymentMethodId : part.refundOf.paymentMethodId,
        amount: part.amount,
        currency: op.currency,
        purpose: op.purpose,
        licenses: op.licenses,
        termStart: op.term.start,
        termEnd: op.term.end,
        periodStart: op.periodStart,
        refundOf: part.kind === 'refund' ? part.refundOf.id : null,
        gatewaySource: part.kind === 'charge' ? part.token : part.refundOf.gatewayChargeId,
        context: part.context,
      },
      now,
    );
    const known = inserted ?? (await findChargeByKey(tx, op.orgId, idempotencyKey))!;
    charges.push(inserted ?? (await reopenUnsentCharge(tx, op.orgId, known.id)) ?? known);
  }
  if (opts.markSubscription && charges.some((c) => c.status === 'pending'))
    await setPendingOperation(tx, op.orgId, op.subscriptionId, op.key);
  return charges;
}

/** Sends each pending part to its method's provider (under its own key) and finishes it; done parts answer as then. */
export async function settle(deps: Deps, charges: Charge[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const charge of charges) {
    if (charge.status !== 'pending') {
      outcomes.push({ ...outcomeOf(charge), method: charge.method });
      continue;
    }
    let outcome: GatewayCharge;
    try {
      const method = methodOf(charge.method);
      const move = { amount: charge.amount, currency: charge.currency, idempotencyKey: charge.idempotencyKey };
      outcome =
        charge.kind === 'charge'
          ? await method.collect(deps, { ...move, source: charge.gatewaySource ?? '' })
          : await method.refund(deps, { ...move, chargeId: charge.gatewaySource ?? '' });
    } catch {
      // we cannot know whether money moved: the part stays pending, and whoever comes next (a
      // retry, another request on the subscription, reconciliation) asks again under the same key
      throw paymentUnconfirmed();
    }
    await finish(deps, charge, outcome);
    outcomes.push({ ...outcome, method: charge.method });
  }
  return outcomes;
}

/** Refuses with the method's own reason when its provider failed a movement. */
export function assertPaid(outcomes: Outcome[]): void {
  const failed = outcomes.find((o) => o.status === 'failed');
  if (failed?.status === 'failed') throw methodOf(failed.method).refusal(failed.failureCode);
}

const outcomeOf = (c: Charge): GatewayCharge =>
  c.status === 'succeeded'
    ? { status: 'succeeded', chargeId: c.gatewayChargeId ?? '', amount: c.amount, currency: c.currency }
    : { status: 'failed', chargeId: c.gatewayChargeId ?? '', failureCode: c.failureCode ?? 'card_declined' };

/**
 * Marks a pending part done and runs its completion, once (a second caller finds it done); the
 * last part of an operation frees the subscription for the next one. Reconciliation calls it too.
 */
export async function finish(deps: Deps, charge: Charge, outcome: GatewayCharge): Promise<void> {
  await deps.db.transaction(async (tx) => {
    // the subscription first, as every operation locks it: no deadlock with one deciding
    const sub =
      charge.purpose === 'purchase' || !charge.subscriptionId
        ? undefined
        : await lockSubscription(tx, charge.orgId, charge.subscriptionId);
    const pending = await lockPendingCharge(tx, charge.orgId, charge.id);
    if (!pending) return;
    const now = deps.clock.now();
    const completed = await COMPLETIONS[pending.purpose](tx, pending, outcome, now);
    await completeCharge(
      tx,
      {
        orgId: charge.orgId,
        id: charge.id,
        status: outcome.status,
        gatewayChargeId: outcome.chargeId || null,
        failureCode: outcome.status === 'failed' ? outcome.failureCode : null,
        ...completed,
      },
      now,
    );
    if (
      sub?.pendingOperation === charge.operation &&
      (await findPendingParts(tx, charge.orgId, charge.operation)).length === 0
    ) {
      await setPendingOperation(tx, charge.orgId, sub.id, null);
    }
  });
}

export interface Decision<T> {
  result: T;
  operation?: MoneyOperation | undefined;
}

/**
 * Decides a change of a subscription from its state read under its row lock, starts the money
 * operation the decision needs in the same transaction, then settles it. Money of an earlier
 * operation still in flight is settled first (under its own keys, so never twice) and the
 * decision is taken again from the state it left.
 */
export async function changeSubscription<T>(
  deps: Deps,
  orgId: string,
  id: string,
  decide: (tx: Queryable, sub: Subscription, now: Date) => Promise<Decision<T>>,
): Promise<{ result: T; outcomes: Outcome[] }> {
  for (let round = 0; round < 3; round++) {
    const step = await deps.db.transaction(async (tx) => {
      const sub = await lockSubscription(tx, orgId, id);
      if (!sub) throw notFound('The subscription');
      if (sub.pendingOperation) {
        const inFlight = await findPendingParts(tx, orgId, sub.pendingOperation);
        if (inFlight.length) return { inFlight } as const;
        await setPendingOperation(tx, orgId, id, null);
        sub.pendingOperation = null;
      }
      const now = deps.clock.now();
      const decision = await decide(tx, sub, now);
      const parts = decision.operation
        ? await startOperation(tx, decision.operation, now, { markSubscription: true })
        : [];
      return { decision, parts, inFlight: undefined };
    });
    if (step.inFlight) {
      await settle(deps, step.inFlight);
      continue;
    }
    return { result: step.decision.result, outcomes: await settle(deps, step.parts) };
  }
  throw new AppError(
    'payment_in_progress',
    'Another payment for this subscription is being processed: try again in a moment.',
  );
}
