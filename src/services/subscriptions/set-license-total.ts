import type { Deps } from '../deps.js';
import type { Queryable } from '../../db/database.js';
import type { Actor } from '../../domain/roles.js';
import { AppError } from '../../domain/errors.js';
import { withinRefundWindow } from '../../domain/lifecycle.js';
import { prorate } from '../../domain/pricing.js';
import { updateSubscription, type Subscription } from '../../db/subscriptions.js';
import { recordAudit } from '../../db/audit.js';
import { assertPaid, changeSubscription, type Decision } from '../payments/operation.js';
import { chargeFor, operationKey, refundFor } from '../payments/paid-change.js';
import { assertChangeable } from './changeable-subscription.js';
import { getSubscription } from './get-subscription.js';
import type { SubscriptionOut } from './subscription-view.js';

export interface SetLicenseTotal {
  actor: Actor;
  subscriptionId: string;
  total: number;
}

const mustUnassign = (assigned: number, total: number) =>
  new AppError(
    'licenses_assigned',
    `${assigned} licenses are assigned: unassign ${assigned - total} before lowering the total to ${total}.`,
    { assigned, mustUnassign: assigned - total },
  );

/**
 * Sets the total number of licenses. More: at once, the rest of the term charged pro rata.
 * Fewer: at once with a pro-rata refund within 7 days of the term's start, otherwise at renewal.
 * The total is absolute, so the same request twice changes it once: the second finds it done.
 */
export async function setLicenseTotal(
  deps: Deps,
  { actor, subscriptionId, total }: SetLicenseTotal,
): Promise<SubscriptionOut> {
  if (total < 1)
    throw new AppError('minimum_one_license', 'A subscription keeps at least one license: cancel it instead.');
  const { outcomes } = await changeSubscription(deps, actor.orgId, subscriptionId, async (tx, sub, now) => {
    assertChangeable(actor, sub);
    assertChangeableTotal(sub, now);
    if (total > sub.quantity) return addLicenses(tx, actor, sub, total, now);
    if (total < sub.quantity) return removeLicenses(tx, actor, sub, total, now);
    // the same total again: a scheduled decrease is called off
    if (sub.pendingQuantity !== null) await updateSubscription(tx, sub.orgId, sub.id, { pendingQuantity: null }, now);
    return { result: null };
  });
  assertPaid(outcomes);
  return getSubscription(deps, actor, subscriptionId);
}

function assertChangeableTotal(sub: Subscription, now: Date) {
  if (sub.status !== 'active' && sub.status !== 'trial') {
    throw new AppError('subscription_not_active', 'Only an active subscription can change its number of licenses.');
  }
  if (now >= sub.termEnd)
    throw new AppError('renewal_pending', 'This subscription is being renewed: try again in a minute.');
}

async function addLicenses(
  tx: Queryable,
  actor: Actor,
  sub: Subscription,
  total: number,
  now: Date,
): Promise<Decision<null>> {
  if (sub.status === 'trial') {
    await updateSubscription(tx, sub.orgId, sub.id, { quantity: total, pendingQuantity: null }, now);
    await recordAudit(tx, now, {
      orgId: sub.orgId,
      actorId: actor.personId,
      action: 'subscription.licenses_added',
      objectType: 'subscription',
      objectId: sub.id,
      details: { total },
    });
    return { result: null };
  }
  const added = total - sub.quantity;
  const operation = await chargeFor(tx, sub, operationKey(sub, 'more_licenses'), {
    purpose: 'more_licenses',
    actorId: actor.personId,
    action: 'subscription.licenses_added',
    licenses: added,
    subtotal: prorate(sub, added, now),
    term: { start: sub.termStart, end: sub.termEnd },
    periodStart: now,
    change: { quantity: total, pendingQuantity: null },
  });
  return { result: null, operation };
}

async function removeLicenses(
  tx: Queryable,
  actor: Actor,
  sub: Subscription,
  total: number,
  now: Date,
): Promise<Decision<null>> {
  if (!withinRefundWindow(sub.termStart, now)) {
    await updateSubscription(tx, sub.orgId, sub.id, { pendingQuantity: total }, now);
    await recordAudit(tx, now, {
      orgId: sub.orgId,
      actorId: actor.personId,
      action: 'subscription.licenses_scheduled',
      objectType: 'subscription',
      objectId: sub.id,
      details: { total, at: sub.termEnd },
    });
    return { result: null };
  }
  if (total < sub.assigned) throw mustUnassign(sub.assigned, total);
  const removed = sub.quantity - total;
  // the licenses go at once, under the row lock: nobody can assign them while the money goes back
  const key = operationKey(sub, 'fewer_licenses');
  await updateSubscription(tx, sub.orgId, sub.id, { quantity: total, pendingQuantity: null }, now);
  await recordAudit(tx, now, {
    orgId: sub.orgId,
    actorId: actor.personId,
    action: 'subscription.licenses_removed',
    objectType: 'subscription',
    objectId: sub.id,
    details: { total },
  });
  const operation =
    sub.status === 'active'
      ? await refundFor(tx, sub, key, {
          purpose: 'fewer_licenses',
          actorId: actor.personId,
          action: 'subscription.licenses_refunded',
          licenses: removed,
          subtotal: prorate(sub, removed, now),
          term: { start: sub.termStart, end: sub.termEnd },
          periodStart: now,
        })
      : undefined;
  return { result: null, operation };
}
