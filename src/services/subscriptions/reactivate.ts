import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { AppError } from '../../domain/errors.js';
import { cardError, CARD_MESSAGES } from '../../domain/cards.js';
import { termPrice } from '../../domain/pricing.js';
import { termEnd } from '../../domain/term.js';
import { payForChange } from './paid-change.js';
import { getSubscription, ownSubscription, type SubscriptionOut } from './view.js';

/** An Expired or Disabled subscription comes back for a new term, paid now, by its buyer. */
export async function reactivateSubscription(deps: Deps, actor: Actor, id: string, idempotencyKey: string): Promise<SubscriptionOut> {
  const sub = await ownSubscription(deps.db, actor, id);
  if (sub.status !== 'expired' && sub.status !== 'disabled') {
    throw new AppError(409, 'subscription_not_inactive', 'Only an expired or disabled subscription can be reactivated.');
  }
  const now = deps.clock.now();
  const end = termEnd(now, sub.term);
  const quantity = Math.max(sub.pendingQuantity ?? sub.quantity, sub.assigned);
  const outcome = await payForChange(deps, sub, {
    purpose: 'reactivation', idempotencyKey: `reactivate:${actor.personId}:${idempotencyKey}`, actorId: actor.personId,
    action: 'subscription.reactivated', subtotal: termPrice(sub.unitPrice, sub.term) * quantity, quantity, periodStart: now, periodEnd: end,
    change: {
      status: 'active', quantity, pendingQuantity: null, termStart: now.toISOString(), termEnd: end.toISOString(), autoRenew: true,
      canceledAt: null, cancelReason: null, cancelFeedback: null,
    },
  });
  if (outcome.status === 'failed') throw cardError(outcome.failureCode, CARD_MESSAGES[outcome.failureCode] ?? 'The card was declined.');
  return getSubscription(deps, actor, id);
}
