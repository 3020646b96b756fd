import type { Deps } from '../deps.js';
import type { Queryable } from '../../db/database.js';
import { completeCharge, findChargeByKey, insertPendingCharge, lockPendingCharge, reopenUnsentCharge, type Charge, type NewCharge } from '../../db/charges.js';
import type { GatewayCharge } from '../../gateway/gateway.js';
import { AppError } from '../../domain/errors.js';

export interface Completed {
  subscriptionId: string | null;
  invoiceId: string | null;
}

/**
 * What happens in our books once the gateway has answered, in the transaction that marks the
 * charge done. Must work from the charge row alone: reconciliation calls it after a crash.
 */
export type Completion = (tx: Queryable, charge: Charge, outcome: GatewayCharge, now: Date) => Promise<Completed>;

export type CollectRequest = Omit<NewCharge, 'kind'> & (
  { kind: 'charge'; token: string } | { kind: 'refund'; refundOf: string }
);

export type Collected = { charge: Charge; outcome: GatewayCharge; completed: Completed };

/**
 * Moves money and records it so that a crash anywhere never charges twice nor loses a payment:
 * 1. the charge is recorded as pending (committed), with `prepare`'s changes (a refund takes the
 *    licenses away first, so that nobody can assign them while the money goes back);
 * 2. the gateway is called with the same idempotency key;
 * 3. one transaction marks it done and runs the completion (subscription, invoice, ...).
 * A charge left pending by a crash is finished by `reconcileCharge` with what the gateway knows.
 */
export async function collect(deps: Deps, request: CollectRequest, completion: Completion, prepare?: (tx: Queryable) => Promise<void>): Promise<Collected> {
  const { token: _t, refundOf: _r, ...row } = request as CollectRequest & { token?: string; refundOf?: string };
  const context = request.kind === 'refund' ? { ...request.context, refundOf: request.refundOf } : request.context;
  const charge = await deps.db.transaction(async (tx) => {
    const inserted = await insertPendingCharge(tx, { ...row, context }, deps.clock.now());
    if (inserted) {
      await prepare?.(tx);
      return inserted;
    }
    // a retry: the charge made under this key before decides
    const known = (await findChargeByKey(tx, request.orgId, request.idempotencyKey))!;
    return (await reopenUnsentCharge(tx, known.orgId, known.id)) ?? known;
  });
  if (charge.status !== 'pending') {
    // done before: answer as then, without asking the gateway again
    const outcome: GatewayCharge = charge.status === 'succeeded'
      ? { status: 'succeeded', chargeId: charge.gatewayChargeId ?? '', amount: charge.amount, currency: charge.currency }
      : { status: 'failed', chargeId: charge.gatewayChargeId ?? '', failureCode: charge.failureCode ?? 'card_declined' };
    return { charge, outcome, completed: { subscriptionId: charge.subscriptionId, invoiceId: charge.invoiceId } };
  }
  let outcome: GatewayCharge;
  try {
    outcome = request.kind === 'charge'
      ? await deps.gateway.charge({ token: request.token, amount: request.amount, currency: request.currency, idempotencyKey: request.idempotencyKey })
      : await deps.gateway.refund({ chargeId: request.refundOf, amount: request.amount, currency: request.currency, idempotencyKey: request.idempotencyKey });
  } catch {
    // we cannot know whether money moved: the charge stays pending for reconciliation, and a
    // retry with the same key asks the gateway again under the same key
    throw new AppError(502, 'payment_unconfirmed',
      'The payment service did not answer. Nothing will be charged twice: retry, or the payment is completed or canceled automatically within minutes.');
  }
  const completed = await finish(deps, charge, outcome, completion);
  return { charge, outcome, completed };
}

/** Marks a pending charge done and runs its completion, once: a second caller finds it done. */
export async function finish(deps: Deps, charge: Charge, outcome: GatewayCharge, completion: Completion): Promise<Completed> {
  return deps.db.transaction(async (tx) => {
    const pending = await lockPendingCharge(tx, charge.orgId, charge.id);
    if (!pending) {
      const done = (await findChargeByKey(tx, charge.orgId, charge.idempotencyKey))!;
      return { subscriptionId: done.subscriptionId, invoiceId: done.invoiceId };
    }
    const now = deps.clock.now();
    const completed = await completion(tx, pending, outcome, now);
    await completeCharge(tx, {
      orgId: charge.orgId, id: charge.id, status: outcome.status, gatewayChargeId: outcome.chargeId || null,
      failureCode: outcome.status === 'failed' ? outcome.failureCode : null, ...completed,
    }, now);
    return completed;
  });
}
