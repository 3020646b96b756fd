import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { lockSubscription, releaseAssignments, updateSubscription } from '../../db/subscriptions.js';
import { moveAssignments } from '../../db/admin.js';
import { findProduct } from '../../db/products.js';
import { recordAudit } from '../../db/audit.js';
import { isCheckViolation } from '../../db/database.js';
import { AppError, notFound } from '../../domain/errors.js';
import { notify } from '../notifications/notify.js';
import { getSubscription } from '../subscriptions/view.js';
import { requireManager } from './access.js';

export type TakeControl = { action: 'move_users'; targetSubscriptionId: string } | { action: 'cancel'; reason: string };

const insufficient = (needed: number, available: number) => new AppError(409, 'insufficient_licenses',
  `The target subscription has ${available} available licenses; ${needed} are needed.`, { needed, available });

/**
 * An admin takes over a member's self-service purchase: its people move to an organization
 * subscription of the same product, or lose their licenses; either way the purchase is
 * Deleted and its buyer told. One transaction: nobody is ever left half-moved.
 */
export async function takeControl(deps: Deps, actor: Actor, id: string, input: TakeControl) {
  requireManager(actor);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const source = await lockSubscription(tx, actor.orgId, id);
    if (!source || !source.selfService) throw notFound('The self-service purchase');
    if (source.status === 'deleted') throw new AppError(409, 'subscription_deleted', 'This purchase was already deleted.');
    let moved = 0;
    if (input.action === 'move_users') {
      const target = await lockSubscription(tx, actor.orgId, input.targetSubscriptionId);
      if (!target || target.selfService || target.id === source.id) throw notFound('The organization subscription');
      if (target.productId !== source.productId) throw new AppError(409, 'product_mismatch', 'The target subscription is for another product.');
      if (target.status !== 'active' && target.status !== 'trial') throw new AppError(409, 'subscription_not_active', 'The target subscription is not active.');
      if (target.quantity - target.assigned < source.assigned) throw insufficient(source.assigned, target.quantity - target.assigned);
      try {
        moved = await moveAssignments(tx, actor.orgId, source.id, target.id, actor.personId, now);
      } catch (err) {
        if (isCheckViolation(err, 'subscriptions_seats')) throw insufficient(source.assigned, target.quantity - target.assigned);
        throw err;
      }
    } else {
      moved = await releaseAssignments(tx, actor.orgId, source.id);
    }
    await updateSubscription(tx, actor.orgId, source.id, {
      status: 'deleted', statusChangedAt: now, autoRenew: false, canceledAt: now, cancelReason: 'taken_over',
      cancelFeedback: input.action === 'cancel' ? input.reason : null,
    }, now);
    const product = (await findProduct(tx, source.productId, source.currency))!;
    await notify(tx, now, {
      orgId: actor.orgId, personId: source.buyerId, kind: 'take_control',
      payload: { subscriptionId: source.id, product: product.name, action: input.action, people: moved },
    });
    await recordAudit(tx, now, {
      orgId: actor.orgId, actorId: actor.personId, action: 'subscription.taken_over', objectType: 'subscription', objectId: source.id,
      details: { ...input, people: moved },
    });
  });
  return getSubscription(deps, actor, id);
}
