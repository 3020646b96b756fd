import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { AppError } from '../../domain/errors.js';
import { updateSubscription } from '../../db/subscriptions.js';
import { recordAudit } from '../../db/audit.js';
import { changeSubscription } from '../payments/operation.js';
import { assertChangeable } from './changeable-subscription.js';
import { getSubscription } from './get-subscription.js';
import type { SubscriptionOut } from './subscription-view.js';

export interface SetAutoRenew {
  actor: Actor;
  subscriptionId: string;
  enabled: boolean;
}

/** Turns recurring billing on or off; turning it back on calls off a cancellation still running. */
export async function setAutoRenew(
  deps: Deps,
  { actor, subscriptionId, enabled }: SetAutoRenew,
): Promise<SubscriptionOut> {
  await changeSubscription(deps, actor.orgId, subscriptionId, async (tx, sub, now) => {
    assertChangeable(actor, sub);
    if (sub.status === 'disabled')
      throw new AppError('subscription_not_active', 'Reactivate this subscription to renew it.');
    await updateSubscription(
      tx,
      sub.orgId,
      sub.id,
      enabled ? { autoRenew: true, canceledAt: null, cancelReason: null, cancelFeedback: null } : { autoRenew: false },
      now,
    );
    await recordAudit(tx, now, {
      orgId: sub.orgId,
      actorId: actor.personId,
      action: enabled ? 'subscription.auto_renew_on' : 'subscription.auto_renew_off',
      objectType: 'subscription',
      objectId: sub.id,
    });
    return { result: null };
  });
  return getSubscription(deps, actor, subscriptionId);
}
