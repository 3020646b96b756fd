import type { SubscriptionView } from '../../db/subscriptions.js';
import { termPrice, totalsOf } from '../../domain/pricing.js';
import type { SubscriptionRights } from './caller-rights.js';
import { summary } from '../payment-methods/shown.js';

/** A subscription as the API shows it. */
export function present(v: SubscriptionView, now: Date) {
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
      ? {
          date: v.termEnd,
          amount: {
            amount: totalsOf(termPrice(v.unitPrice, v.term) * nextTotal, v.taxRateBp).total,
            currency: v.currency,
          },
        }
      : null,
    autoRenew: v.autoRenew,
    price: { amount: v.unitPrice, currency: v.currency },
    selfService: v.selfService,
    trial: v.startedAsTrial,
    canceledAt: v.canceledAt,
    cancelReason: v.cancelReason,
    billingProfile: v.billingProfile,
    paymentMethod: v.paymentMethod && summary(v.paymentMethod, now),
    createdAt: v.createdAt,
  };
}
export type SubscriptionOut = ReturnType<typeof present> & { can: SubscriptionRights };
