import type { Deps } from '../deps.js';
import type { Queryable } from '../../db/database.js';
import {
  findBillingOf,
  findSubscriptionsDue,
  releaseAssignments,
  updateSubscription,
  type Subscription,
} from '../../db/subscriptions.js';
import { findChargeByKey } from '../../db/charges.js';
import { recordAudit } from '../../db/audit.js';
import { voidDueInvoices } from '../../db/invoices.js';
import { AppError } from '../../domain/errors.js';
import { nextStep, EXPIRED_DAYS, type LifecycleStep } from '../../domain/lifecycle.js';
import { termPrice } from '../../domain/pricing.js';
import { addDays, termEnd } from '../../domain/term.js';
import { changeSubscription, type Decision } from '../payments/operation.js';
import { chargeFor, operationKey } from '../payments/paid-change.js';
import { maySelfServiceBuy } from '../subscriptions/self-service-policy.js';

/**
 * Moves every due subscription one step through its lifecycle; returns how many moved. Each step
 * is decided again under the subscription's lock (a request may have changed it since the scan),
 * and a renewal's charge is named by the term and the day, so running twice, or on two servers,
 * charges once.
 */
export async function advanceLifecycles(deps: Deps, batch = 200): Promise<number> {
  let moved = 0;
  for (const due of await findSubscriptionsDue(deps.db, deps.clock.now(), batch)) {
    if (nextStep(due, deps.clock.now()) === 'none') continue;
    const { result } = await changeSubscription(deps, due.orgId, due.id, async (tx, sub, now) => {
      const hasPaymentMethod = (await findBillingOf(tx, sub.orgId, sub.id)).paymentMethod !== null;
      const step = nextStep({ ...sub, hasPaymentMethod }, now);
      if (step === 'none') return { result: false };
      if (step === 'renew' || step === 'retry') return renew(tx, sub, now, step);
      await moveOn(tx, sub, now, step);
      return { result: true };
    }).catch((err: unknown) => {
      // a card removed since the scan: the next pass expires it
      if (err instanceof AppError && err.code === 'payment_method_required') return { result: false };
      throw err;
    });
    if (result) moved++;
  }
  return moved;
}

async function moveOn(
  tx: Queryable,
  sub: Subscription,
  now: Date,
  step: Exclude<LifecycleStep, 'none' | 'renew' | 'retry'>,
) {
  // the time the stage began, not the time the job ran: a clock moved far ahead walks every stage
  const at = step === 'expire' ? sub.termEnd : step === 'disable' ? addDays(sub.statusChangedAt, EXPIRED_DAYS) : now;
  if (step === 'delete') await releaseAssignments(tx, sub.orgId, sub.id);
  // Disabled, the term a failed renewal billed is not delivered: nothing is owed for it
  if (step === 'disable') await voidDueInvoices(tx, sub.orgId, sub.id);
  const status = step === 'expire' ? 'expired' : step === 'disable' ? 'disabled' : 'deleted';
  await updateSubscription(tx, sub.orgId, sub.id, { status, statusChangedAt: at }, now);
  await recordAudit(tx, now, {
    orgId: sub.orgId,
    actorId: null,
    action: `subscription.${status}`,
    objectType: 'subscription',
    objectId: sub.id,
  });
}

/**
 * Charges the next term (converting a trial); a failure leaves the subscription Expired. A trial
 * converts only where the organization lets members buy the product: a policy of trials only (or
 * none) ends it instead, whatever licenses or card were added to it meanwhile.
 */
async function renew(tx: Queryable, sub: Subscription, now: Date, step: 'renew' | 'retry'): Promise<Decision<boolean>> {
  if (sub.status === 'trial' && !(await maySelfServiceBuy(tx, sub))) {
    await moveOn(tx, sub, now, 'expire');
    await updateSubscription(tx, sub.orgId, sub.id, { autoRenew: false }, now);
    return { result: true };
  }
  // one attempt per term and day, whether the first or a retry
  const key = operationKey(sub, 'renewal', `${sub.termEnd.toISOString()}:${now.toISOString().slice(0, 10)}`);
  if (await findChargeByKey(tx, sub.orgId, key)) return { result: false };
  const start = sub.termEnd;
  const end = termEnd(start, sub.term);
  const quantity = Math.max(sub.pendingQuantity ?? sub.quantity, sub.assigned);
  const operation = await chargeFor(tx, sub, key, {
    purpose: 'renewal',
    actorId: null,
    action: sub.status === 'trial' ? 'subscription.converted' : 'subscription.renewed',
    licenses: quantity,
    subtotal: termPrice(sub.unitPrice, sub.term) * quantity,
    term: { start, end },
    periodStart: start,
    change: {
      status: 'active',
      quantity,
      pendingQuantity: null,
      termStart: start.toISOString(),
      termEnd: end.toISOString(),
    },
    onFailure: step === 'retry' ? undefined : { status: 'expired', statusChangedAt: sub.termEnd.toISOString() },
    renewal: true,
    dueInvoice: true,
  });
  return { result: true, operation };
}
