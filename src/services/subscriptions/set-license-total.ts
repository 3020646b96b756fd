import type { Deps } from '../deps.js';
import type { Queryable } from '../../db/database.js';
import type { Actor } from '../../domain/roles.js';
import { AppError } from '../../domain/errors.js';
import { withinRefundWindow } from '../../domain/lifecycle.js';
import { updateSubscription, type Subscription, type SubscriptionChange } from '../../db/subscriptions.js';
import { recordAuditBy } from '../audit.js';
import { assertPaid, changeSubscription, type Decision } from '../payments/operation.js';
import { chargeFor, operationKey } from '../payments/paid-change.js';
import { assertChangeable } from './changeable-subscription.js';
import { refundRestOfTerm, restOfTerm } from './rest-of-term.js';
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
    if (total > sub.quantity) return addLicenses({ tx, actor, sub, total, now });
    if (total < sub.quantity) return removeLicenses({ tx, actor, sub, total, now });
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

/** A change of the total, decided under the subscription's row lock. */
interface TotalChange {
  tx: Queryable;
  actor: Actor;
  sub: Subscription;
  total: number;
  now: Date;
}

/** The total (at once, or pending until renewal) written with its audit event, as the buyer's. */
async function writeTotal(
  tx: Queryable,
  now: Date,
  actor: Actor,
  sub: Subscription,
  total: Pick<SubscriptionChange, 'quantity' | 'pendingQuantity'>,
  event: 'licenses_added' | 'licenses_scheduled' | 'licenses_removed',
  details: Record<string, unknown>,
) {
  await updateSubscription(tx, sub.orgId, sub.id, total, now);
  await recordAuditBy(tx, now, actor, {
    action: `subscription.${event}`,
    objectType: 'subscription',
    objectId: sub.id,
    details,
  });
}

async function addLicenses({ tx, actor, sub, total, now }: TotalChange): Promise<Decision<null>> {
  if (sub.status === 'trial') {
    await writeTotal(tx, now, actor, sub, { quantity: total, pendingQuantity: null }, 'licenses_added', { total });
    return { result: null };
  }
  const added = total - sub.quantity;
  const operation = await chargeFor(tx, sub, operationKey(sub, 'more_licenses'), {
    purpose: 'more_licenses',
    actorId: actor.personId,
    action: 'subscription.licenses_added',
    ...restOfTerm(sub, added, now),
    change: { quantity: total, pendingQuantity: null },
  });
  return { result: null, operation };
}

async function removeLicenses({ tx, actor, sub, total, now }: TotalChange): Promise<Decision<null>> {
  if (!withinRefundWindow(sub.termStart, now)) {
    await writeTotal(tx, now, actor, sub, { pendingQuantity: total }, 'licenses_scheduled', { total, at: sub.termEnd });
    return { result: null };
  }
  if (total < sub.assigned) throw mustUnassign(sub.assigned, total);
  // the licenses go at once, under the row lock: nobody can assign them while the money goes back
  await writeTotal(tx, now, actor, sub, { quantity: total, pendingQuantity: null }, 'licenses_removed', { total });
  const operation =
    sub.status === 'active'
      ? await refundRestOfTerm(tx, sub, now, {
          purpose: 'fewer_licenses',
          actorId: actor.personId,
          action: 'subscription.licenses_refunded',
          licenses: sub.quantity - total,
        })
      : undefined;
  return { result: null, operation };
}
