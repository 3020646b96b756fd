import type { Queryable } from '../../db/database.js';
import { findSubscription, findSubscriptionView, lockSubscription, listSubscriptionViews, type Subscription, type SubscriptionView } from '../../db/subscriptions.js';
import { canReadAdminViews, canWrite, type Actor } from '../../domain/roles.js';
import { AppError, forbidden, notFound } from '../../domain/errors.js';
import { termPrice, totalsOf } from '../../domain/pricing.js';
import type { Deps } from '../deps.js';
import { withRights, type SubscriptionRights } from './caller-rights.js';

/** A subscription as the API shows it. */
export function present(v: SubscriptionView) {
  const renews = (v.status === 'active' || v.status === 'trial') && v.autoRenew && v.paymentMethod !== null;
  const nextTotal = v.pendingQuantity ?? v.quantity;
  return {
    id: v.id,
    product: v.product,
    buyer: v.buyer,
    status: v.status,
    term: v.term,
    total: v.quantity,
    assigned: v.assigned,
    available: v.quantity - v.assigned,
    pendingTotal: v.pendingQuantity,
    termStart: v.termStart,
    termEnd: v.termEnd,
    nextCharge: renews
      ? { date: v.termEnd, amount: { amount: totalsOf(termPrice(v.unitPrice, v.term) * nextTotal, v.taxRateBp).total, currency: v.currency } }
      : null,
    autoRenew: v.autoRenew,
    price: { amount: v.unitPrice, currency: v.currency },
    selfService: v.selfService,
    trial: v.startedAsTrial,
    canceledAt: v.canceledAt,
    cancelReason: v.cancelReason,
    billingProfile: v.billingProfile,
    paymentMethod: v.paymentMethod,
    createdAt: v.createdAt,
  };
}
export type SubscriptionOut = ReturnType<typeof present> & { can: SubscriptionRights };

/** The buyer sees their subscription; admin roles read every one of their organization. */
export async function getSubscription(deps: Deps, actor: Actor, id: string): Promise<SubscriptionOut> {
  const v = await findSubscriptionView(deps.db, actor.orgId, id);
  if (!v || (v.buyerId !== actor.personId && !canReadAdminViews(actor.role))) throw notFound('The subscription');
  return withRights(actor, present(v));
}

/** A member's Products page lists what they bought; an admin's lists every subscription of the organization. */
export async function listMySubscriptions(deps: Deps, actor: Actor, opts: { selfService?: boolean }): Promise<SubscriptionOut[]> {
  const buyerId = canReadAdminViews(actor.role) ? null : actor.personId;
  return (await listSubscriptionViews(deps.db, actor.orgId, buyerId, opts)).map((v) => withRights(actor, present(v)));
}

/**
 * A subscription only its buyer changes. Admin roles see a member's purchase read-only (403);
 * other members, and everyone of another organization, find nothing (404).
 */
export function assertChangeable<S extends Pick<Subscription, 'buyerId' | 'status'>>(actor: Actor, sub: S | undefined): asserts sub is S {
  if (!sub || (sub.buyerId !== actor.personId && !canReadAdminViews(actor.role))) throw notFound('The subscription');
  if (!canWrite(actor.role)) throw forbidden('read_only', 'Your role can read but not change anything.');
  if (sub.buyerId !== actor.personId) {
    throw forbidden('read_only_for_admins', "A member's self-service purchase is read-only for admins: take control of it to change it.");
  }
  if (sub.status === 'deleted') throw new AppError('subscription_deleted', 'This subscription was deleted and can no longer be changed.');
}

export async function ownSubscription(db: Queryable, actor: Actor, id: string, opts: { lock?: boolean } = {}): Promise<Subscription> {
  const sub = await (opts.lock ? lockSubscription : findSubscription)(db, actor.orgId, id);
  assertChangeable(actor, sub);
  return sub;
}
