import type { Deps } from '../deps.js';
import type { Queryable } from '../../db/database.js';
import type { Actor } from '../../domain/roles.js';
import { lockSubscription, releaseAssignments, updateSubscription, type Subscription } from '../../db/subscriptions.js';
import { moveAssignments } from '../../db/admin.js';
import { findProduct } from '../../db/products.js';
import { recordAuditBy } from '../audit.js';
import { voidDueInvoices } from '../../db/invoices.js';
import { isCheckViolation } from '../../db/database.js';
import { AppError, notFound } from '../../domain/errors.js';
import { notify } from '../notifications/notify.js';
import { changeSubscription } from '../payments/operation.js';
import { refundRestOfTerm } from '../subscriptions/rest-of-term.js';
import { getSubscription } from '../subscriptions/get-subscription.js';
import { requireManager } from './access.js';

export type TakeControl = { action: 'move_users'; targetSubscriptionId: string } | { action: 'cancel'; reason: string };

const insufficient = (needed: number, available: number) =>
  new AppError(
    'insufficient_licenses',
    `The target subscription has ${available} available licenses; ${needed} are needed.`,
    { needed, available },
  );

async function moveUsers(
  tx: Queryable,
  actor: Actor,
  source: Subscription,
  targetId: string,
  now: Date,
): Promise<number> {
  const target = await lockSubscription(tx, actor.orgId, targetId);
  if (!target || target.selfService || target.id === source.id) throw notFound('The organization subscription');
  if (target.productId !== source.productId)
    throw new AppError('product_mismatch', 'The target subscription is for another product.');
  if (target.status !== 'active' && target.status !== 'trial')
    throw new AppError('subscription_not_active', 'The target subscription is not active.');
  if (target.quantity - target.assigned < source.assigned)
    throw insufficient(source.assigned, target.quantity - target.assigned);
  try {
    return await moveAssignments(tx, actor.orgId, source.id, target.id, actor.personId, now);
  } catch (err) {
    if (isCheckViolation(err, 'subscriptions_seats'))
      throw insufficient(source.assigned, target.quantity - target.assigned);
    throw err;
  }
}

/**
 * An admin takes over a member's self-service purchase: its people move to an organization
 * subscription of the same product, or lose their licenses; either way the purchase is Deleted,
 * what is left of its paid term refunded to its buyer pro rata, and the buyer told. Decided under
 * the purchase's lock: nobody is ever left half-moved, and a payment in flight is settled first.
 */
export async function takeControl(
  deps: Deps,
  { actor, subscriptionId: id, input }: { actor: Actor; subscriptionId: string; input: TakeControl },
) {
  requireManager(actor);
  await changeSubscription(deps, actor.orgId, id, async (tx, source, now) => {
    assertTakeable(source);
    const moved =
      input.action === 'move_users'
        ? await moveUsers(tx, actor, source, input.targetSubscriptionId, now)
        : await releaseAssignments(tx, actor.orgId, source.id);
    await deletePurchase(tx, actor, source, input, now);
    await tellBuyer(tx, actor, source, input, moved, now);
    await recordAuditBy(tx, now, actor, {
      action: 'subscription.taken_over',
      objectType: 'subscription',
      objectId: source.id,
      details: { ...input, people: moved },
    });
    return { result: null, operation: await refundPaidTerm(tx, actor, source, now) };
  });
  return getSubscription(deps, actor, id);
}

/** Only a member's self-service purchase, not yet deleted, can be taken over. */
function assertTakeable(source: Subscription) {
  if (!source.selfService) throw notFound('The self-service purchase');
  if (source.status === 'deleted') throw new AppError('subscription_deleted', 'This purchase was already deleted.');
}

/** The purchase is Deleted, taken over, and its due invoices voided. */
async function deletePurchase(tx: Queryable, actor: Actor, source: Subscription, input: TakeControl, now: Date) {
  await updateSubscription(
    tx,
    actor.orgId,
    source.id,
    {
      status: 'deleted',
      statusChangedAt: now,
      autoRenew: false,
      canceledAt: now,
      cancelReason: 'taken_over',
      cancelFeedback: input.action === 'cancel' ? input.reason : null,
    },
    now,
  );
  await voidDueInvoices(tx, actor.orgId, source.id);
}

/** The buyer is told what became of their purchase and how many people it concerned. */
async function tellBuyer(
  tx: Queryable,
  actor: Actor,
  source: Subscription,
  input: TakeControl,
  moved: number,
  now: Date,
) {
  const product = (await findProduct(tx, source.productId, source.currency))!;
  await notify(tx, now, {
    orgId: actor.orgId,
    personId: source.buyerId,
    kind: 'take_control',
    payload: { subscriptionId: source.id, product: product.name, action: input.action, people: moved },
  });
}

/** What is left of a paid, still-running term goes back to the buyer pro rata. */
async function refundPaidTerm(tx: Queryable, actor: Actor, source: Subscription, now: Date) {
  const paid = source.status === 'active' && now < source.termEnd;
  return paid
    ? await refundRestOfTerm(tx, source, now, {
        purpose: 'take_control',
        actorId: actor.personId,
        action: 'subscription.take_control_refunded',
      })
    : undefined;
}
