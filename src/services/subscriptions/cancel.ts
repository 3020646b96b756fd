import type { Deps } from '../deps.js';
import type { Queryable } from '../../db/database.js';
import type { Actor } from '../../domain/roles.js';
import { AppError } from '../../domain/errors.js';
import { withinRefundWindow, type CancelReason } from '../../domain/lifecycle.js';
import { prorate } from '../../domain/pricing.js';
import { lockSubscription, updateSubscription, type Subscription } from '../../db/subscriptions.js';
import { recordAudit } from '../../db/audit.js';
import { refundFailed, refundForChange } from './paid-change.js';
import { getSubscription, ownSubscription, type SubscriptionOut } from './view.js';

const alreadyCanceled = () => new AppError(409, 'already_canceled', 'This subscription is already canceled.');

/**
 * Cancels a subscription. Within 7 days of its start or renewal: refunded pro rata and
 * Disabled at once (its people lose access). Later: it does not renew and runs to the term's end.
 */
export async function cancelSubscription(deps: Deps, actor: Actor, id: string, input: { reason: CancelReason; feedback?: string }): Promise<SubscriptionOut> {
  const sub = await ownSubscription(deps.db, actor, id);
  if (sub.canceledAt) throw alreadyCanceled();
  if (sub.status === 'disabled') throw new AppError(409, 'subscription_not_active', 'This subscription is already disabled.');
  const now = deps.clock.now();
  const immediate = withinRefundWindow(sub.termStart, now) && sub.status !== 'expired';
  const canceled = { canceledAt: now, cancelReason: input.reason, cancelFeedback: input.feedback ?? null };

  const cancel = async (tx: Queryable) => {
    const locked = (await lockSubscription(tx, sub.orgId, sub.id))!;
    if (locked.canceledAt) throw alreadyCanceled();
    await updateSubscription(tx, sub.orgId, sub.id, immediate
      ? { ...canceled, status: 'disabled', statusChangedAt: now, autoRenew: false, pendingQuantity: null }
      : { ...canceled, autoRenew: false }, now);
    await recordAudit(tx, now, {
      orgId: sub.orgId, actorId: actor.personId, action: 'subscription.canceled', objectType: 'subscription', objectId: sub.id,
      details: { reason: input.reason, immediate },
    });
  };

  if (immediate && sub.status === 'active') {
    const outcome = await refundForChange(deps, sub, {
      purpose: 'cancel', idempotencyKey: `cancel:${sub.id}:${sub.termStart.toISOString()}`, actorId: actor.personId,
      action: 'subscription.cancel_refunded', subtotal: prorate(sub, sub.quantity, now), quantity: sub.quantity,
      periodStart: now, periodEnd: sub.termEnd, change: {}, onFailure: restoreOf(sub),
    }, cancel);
    if (outcome?.status === 'failed') throw refundFailed();
  } else {
    await deps.db.transaction(cancel);
  }
  return getSubscription(deps, actor, id);
}

/** What a failed refund gives back: the subscription as it was before the cancellation. */
const restoreOf = (sub: Subscription) => ({
  status: sub.status, statusChangedAt: sub.statusChangedAt.toISOString(), autoRenew: sub.autoRenew,
  pendingQuantity: sub.pendingQuantity, canceledAt: null, cancelReason: null, cancelFeedback: null,
});

/** Turns recurring billing on or off; turning it back on calls off a cancellation still running. */
export async function setAutoRenew(deps: Deps, actor: Actor, id: string, enabled: boolean): Promise<SubscriptionOut> {
  const sub = await ownSubscription(deps.db, actor, id);
  if (sub.status === 'disabled') throw new AppError(409, 'subscription_not_active', 'Reactivate this subscription to renew it.');
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await updateSubscription(tx, sub.orgId, sub.id, enabled ? { autoRenew: true, canceledAt: null, cancelReason: null, cancelFeedback: null } : { autoRenew: false }, now);
    await recordAudit(tx, now, { orgId: sub.orgId, actorId: actor.personId, action: enabled ? 'subscription.auto_renew_on' : 'subscription.auto_renew_off', objectType: 'subscription', objectId: sub.id });
  });
  return getSubscription(deps, actor, id);
}
