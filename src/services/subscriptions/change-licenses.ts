import type { Deps } from '../deps.js';
import type { Queryable } from '../../db/database.js';
import type { Actor } from '../../domain/roles.js';
import { AppError } from '../../domain/errors.js';
import { cardError, CARD_MESSAGES } from '../../domain/cards.js';
import { withinRefundWindow } from '../../domain/lifecycle.js';
import { prorate } from '../../domain/pricing.js';
import { lockSubscription, updateSubscription } from '../../db/subscriptions.js';
import { recordAudit } from '../../db/audit.js';
import { isCheckViolation } from '../../db/database.js';
import { payForChange, refundFailed, refundForChange } from './paid-change.js';
import { getSubscription, ownSubscription, type SubscriptionOut } from './view.js';

const mustUnassign = (assigned: number, total: number) => new AppError(409, 'licenses_assigned',
  `${assigned} licenses are assigned: unassign ${assigned - total} before lowering the total to ${total}.`, { assigned, mustUnassign: assigned - total });

/**
 * Sets the total number of licenses. More: at once, the rest of the term charged pro rata.
 * Fewer: at once with a pro-rata refund within 7 days of the term's start, otherwise at renewal.
 */
export async function setLicenseTotal(deps: Deps, actor: Actor, id: string, total: number, idempotencyKey: string): Promise<SubscriptionOut> {
  const sub = await ownSubscription(deps.db, actor, id);
  if (total < 1) throw new AppError(422, 'minimum_one_license', 'A subscription keeps at least one license: cancel it instead.');
  if (sub.status !== 'active' && sub.status !== 'trial') {
    throw new AppError(409, 'subscription_not_active', 'Only an active subscription can change its number of licenses.');
  }
  const now = deps.clock.now();
  if (now >= sub.termEnd) {
    throw new AppError(409, 'renewal_pending', 'This subscription is being renewed: try again in a minute.');
  }
  const key = `licenses:${actor.personId}:${idempotencyKey}`;
  const base = { idempotencyKey: key, actorId: actor.personId, periodStart: now, periodEnd: sub.termEnd };

  if (total > sub.quantity) {
    const added = total - sub.quantity;
    if (sub.status === 'trial') {
      await deps.db.transaction(async (tx) => {
        await updateSubscription(tx, sub.orgId, sub.id, { quantity: total, pendingQuantity: null }, now);
        await recordAudit(tx, now, { orgId: sub.orgId, actorId: actor.personId, action: 'subscription.licenses_added', objectType: 'subscription', objectId: sub.id, details: { total } });
      });
    } else {
      const outcome = await payForChange(deps, sub, {
        ...base, purpose: 'more_licenses', action: 'subscription.licenses_added', subtotal: prorate(sub, added, now), quantity: added,
        change: { pendingQuantity: null }, addQuantity: added,
      });
      if (outcome.status === 'failed') throw cardError(outcome.failureCode, CARD_MESSAGES[outcome.failureCode] ?? 'The card was declined.');
    }
  } else if (total < sub.quantity) {
    if (total < sub.assigned) throw mustUnassign(sub.assigned, total);
    const removed = sub.quantity - total;
    if (withinRefundWindow(sub.termStart, now)) {
      // the licenses go first, under the row lock: nobody can assign them while the money goes back
      const takeAway = async (tx: Queryable) => {
        const locked = (await lockSubscription(tx, sub.orgId, sub.id))!;
        if (total < locked.assigned) throw mustUnassign(locked.assigned, total);
        await updateSubscription(tx, sub.orgId, sub.id, { quantity: locked.quantity - removed, pendingQuantity: null }, now);
        await recordAudit(tx, now, { orgId: sub.orgId, actorId: actor.personId, action: 'subscription.licenses_removed', objectType: 'subscription', objectId: sub.id, details: { total } });
      };
      try {
        const outcome = await refundForChange(deps, sub, {
          ...base, purpose: 'fewer_licenses', action: 'subscription.licenses_refunded', subtotal: prorate(sub, removed, now), quantity: removed,
          change: {}, onFailure: { addQuantity: removed },
        }, takeAway);
        if (outcome?.status === 'failed') throw refundFailed();
      } catch (err) {
        if (isCheckViolation(err, 'subscriptions_seats')) throw mustUnassign(sub.assigned, total);
        throw err;
      }
    } else {
      await deps.db.transaction(async (tx) => {
        await updateSubscription(tx, sub.orgId, sub.id, { pendingQuantity: total }, now);
        await recordAudit(tx, now, { orgId: sub.orgId, actorId: actor.personId, action: 'subscription.licenses_scheduled', objectType: 'subscription', objectId: sub.id, details: { total, at: sub.termEnd } });
      });
    }
  } else if (sub.pendingQuantity !== null) {
    // the same total again: a scheduled decrease is called off
    await deps.db.transaction((tx) => updateSubscription(tx, sub.orgId, sub.id, { pendingQuantity: null }, now));
  }
  return getSubscription(deps, actor, id);
}
