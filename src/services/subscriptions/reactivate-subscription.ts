import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { AppError } from '../../domain/errors.js';
import { termPrice } from '../../domain/pricing.js';
import { termEnd } from '../../domain/term.js';
import { assertPaid, changeSubscription } from '../payments/operation.js';
import { chargeFor, operationKey } from '../payments/paid-change.js';
import { maySelfServiceBuy, policyRefuses } from './self-service-policy.js';
import { assertChangeable } from './changeable-subscription.js';
import { getSubscription } from './get-subscription.js';
import type { SubscriptionOut } from './subscription-view.js';

/**
 * An Expired or Disabled subscription comes back for a new term, paid now, by its buyer. Decided
 * under the row lock: reactivated from two tabs, the second finds it active again.
 */
export async function reactivateSubscription(
  deps: Deps,
  { actor, subscriptionId }: { actor: Actor; subscriptionId: string },
): Promise<SubscriptionOut> {
  const { outcomes } = await changeSubscription(deps, actor.orgId, subscriptionId, async (tx, sub, now) => {
    assertChangeable(actor, sub);
    if (sub.status !== 'expired' && sub.status !== 'disabled') {
      throw new AppError('subscription_not_inactive', 'Only an expired or disabled subscription can be reactivated.');
    }
    if (!(await maySelfServiceBuy(tx, sub))) throw policyRefuses();
    const end = termEnd(now, sub.term);
    const quantity = Math.max(sub.pendingQuantity ?? sub.quantity, sub.assigned);
    const operation = await chargeFor(tx, sub, operationKey(sub, 'reactivation'), {
      purpose: 'reactivation',
      actorId: actor.personId,
      action: 'subscription.reactivated',
      licenses: quantity,
      subtotal: termPrice(sub.unitPrice, sub.term) * quantity,
      term: { start: now, end },
      periodStart: now,
      change: {
        status: 'active',
        quantity,
        pendingQuantity: null,
        termStart: now.toISOString(),
        termEnd: end.toISOString(),
        autoRenew: true,
        canceledAt: null,
        cancelReason: null,
        cancelFeedback: null,
      },
    });
    return { result: null, operation };
  });
  assertPaid(outcomes);
  return getSubscription(deps, actor, subscriptionId);
}
