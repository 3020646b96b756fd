import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { AppError } from '../../domain/errors.js';
import { withinRefundWindow, type CancelReason } from '../../domain/lifecycle.js';
import { updateSubscription } from '../../db/subscriptions.js';
import { recordAudit } from '../../db/audit.js';
import { voidDueInvoices } from '../../db/invoices.js';
import { changeSubscription } from '../payments/operation.js';
import { assertChangeable } from './changeable-subscription.js';
import { refundRestOfTerm } from './rest-of-term.js';
import { getSubscription } from './get-subscription.js';
import type { SubscriptionOut } from './subscription-view.js';

export interface CancelSubscription {
  actor: Actor;
  subscriptionId: string;
  reason: CancelReason;
  feedback?: string;
}

/**
 * Cancels a subscription. Within 7 days of its start or renewal: Disabled at once (its people
 * lose access) and what the rest of the term cost refunded pro rata, across every charge of the
 * term. Later: it does not renew and runs to the term's end.
 */
export async function cancelSubscription(
  deps: Deps,
  { actor, subscriptionId, reason, feedback }: CancelSubscription,
): Promise<SubscriptionOut> {
  await changeSubscription(deps, actor.orgId, subscriptionId, async (tx, sub, now) => {
    assertChangeable(actor, sub);
    if (sub.canceledAt) throw new AppError('already_canceled', 'This subscription is already canceled.');
    if (sub.status === 'disabled')
      throw new AppError('subscription_not_active', 'This subscription is already disabled.');
    const immediate = withinRefundWindow(sub.termStart, now) && sub.status !== 'expired';
    const canceled = { canceledAt: now, cancelReason: reason, cancelFeedback: feedback ?? null };
    await updateSubscription(
      tx,
      sub.orgId,
      sub.id,
      immediate
        ? { ...canceled, status: 'disabled', statusChangedAt: now, autoRenew: false, pendingQuantity: null }
        : { ...canceled, autoRenew: false },
      now,
    );
    await voidDueInvoices(tx, sub.orgId, sub.id);
    await recordAudit(tx, now, {
      orgId: sub.orgId,
      actorId: actor.personId,
      action: 'subscription.canceled',
      objectType: 'subscription',
      objectId: sub.id,
      details: { reason, immediate },
    });
    const operation =
      immediate && sub.status === 'active'
        ? await refundRestOfTerm(tx, sub, now, {
            purpose: 'cancel',
            actorId: actor.personId,
            action: 'subscription.cancel_refunded',
          })
        : undefined;
    return { result: null, operation };
  });
  return getSubscription(deps, actor, subscriptionId);
}
