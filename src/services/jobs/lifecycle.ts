import type { Deps } from '../deps.js';
import { findSubscriptionsDue, releaseAssignments, updateSubscription, type Subscription } from '../../db/subscriptions.js';
import { findChargeByKey } from '../../db/charges.js';
import { recordAudit } from '../../db/audit.js';
import { nextStep, EXPIRED_DAYS } from '../../domain/lifecycle.js';
import { termPrice } from '../../domain/pricing.js';
import { addDays, termEnd } from '../../domain/term.js';
import { payForChange } from '../subscriptions/paid-change.js';

/**
 * Moves every due subscription one step through its lifecycle; returns how many moved. The
 * steps are idempotent: a renewal's charge key names the term and the day, so running twice,
 * or on two servers, charges once.
 */
export async function advanceLifecycles(deps: Deps, batch = 200): Promise<number> {
  const now = deps.clock.now();
  let moved = 0;
  for (const sub of await findSubscriptionsDue(deps.db, now, batch)) {
    const step = nextStep(sub, now);
    if (step === 'none') continue;
    if (step === 'renew' || step === 'retry') {
      if (await renew(deps, sub, now, step === 'retry')) moved++;
      continue;
    }
    await deps.db.transaction(async (tx) => {
      // the time the stage began, not the time the job ran: a clock moved far ahead walks every stage
      const at = step === 'expire' ? sub.termEnd : step === 'disable' ? addDays(sub.statusChangedAt, EXPIRED_DAYS) : now;
      if (step === 'delete') await releaseAssignments(tx, sub.orgId, sub.id);
      const status = step === 'expire' ? 'expired' : step === 'disable' ? 'disabled' : 'deleted';
      await updateSubscription(tx, sub.orgId, sub.id, { status, statusChangedAt: at }, now);
      await recordAudit(tx, now, { orgId: sub.orgId, actorId: null, action: `subscription.${status}`, objectType: 'subscription', objectId: sub.id });
    });
    moved++;
  }
  return moved;
}

/** Charges the next term (converting a trial); a failure leaves the subscription Expired. */
async function renew(deps: Deps, sub: Subscription, now: Date, retry: boolean): Promise<boolean> {
  // one attempt per term and day, whether the first or a retry
  const key = `renewal:${sub.id}:${sub.termEnd.toISOString()}:${now.toISOString().slice(0, 10)}`;
  if (await findChargeByKey(deps.db, sub.orgId, key)) return false; // tried already (today)
  const start = sub.termEnd;
  const end = termEnd(start, sub.term);
  const quantity = Math.max(sub.pendingQuantity ?? sub.quantity, sub.assigned);
  const outcome = await payForChange(deps, sub, {
    purpose: 'renewal', idempotencyKey: key, actorId: null, action: sub.status === 'trial' ? 'subscription.converted' : 'subscription.renewed',
    subtotal: termPrice(sub.unitPrice, sub.term) * quantity, quantity, periodStart: start, periodEnd: end,
    change: { status: 'active', quantity, pendingQuantity: null, termStart: start.toISOString(), termEnd: end.toISOString() },
    onFailure: retry ? undefined : { status: 'expired', statusChangedAt: sub.termEnd.toISOString() },
  }).catch((err) => {
    if ((err as { code?: string }).code === 'payment_method_required') return null;
    throw err;
  });
  return outcome !== null;
}
