import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { findRefundableCharges } from '../../db/charges.js';
import { findBillingOf, findSubscription, type Subscription } from '../../db/subscriptions.js';
import { AppError } from '../../domain/errors.js';
import { withinRefundWindow } from '../../domain/lifecycle.js';
import { prorate, termPrice, totalsFromGross, totalsOf } from '../../domain/pricing.js';
import { splitRefund } from '../../domain/refunds.js';
import { termEnd } from '../../domain/term.js';
import { billingTaxRate } from '../billing/tax-rate.js';
import { cardOf, taxRateOf } from '../payments/completions.js';
import { methodOf } from '../payments/methods/index.js';
import { maySelfServiceBuy, policyRefuses } from './self-service-policy.js';
import { assertChangeable } from './changeable-subscription.js';

export type ChangeAsked = { total: number } | { action: 'cancel' | 'reactivate' };

export type ChangeKind =
  | 'more_licenses'
  | 'fewer_licenses'
  | 'fewer_licenses_at_renewal'
  | 'no_change'
  | 'cancel'
  | 'cancel_at_term_end'
  | 'reactivation';

interface Money {
  amount: number;
  currency: Subscription['currency'];
}

export interface ChangeQuote {
  change: ChangeKind;
  /** what moves: a charge to the card, a refund to the cards paid with, or nothing */
  money: 'charge' | 'refund' | 'none';
  /** licenses after the change */
  quantity: number;
  /** licenses charged for or given back */
  licenses: number;
  subtotal: Money;
  taxRateBp: number;
  tax: Money;
  total: Money;
  /** when the change (and its money) happens */
  effectiveAt: Date;
  periodStart: Date;
  periodEnd: Date;
  card: { brand: string; last4: string } | null;
}

/**
 * What a change of a subscription would charge or refund, and when, before the person confirms
 * it. Read-only, with the rules and pure functions the change itself uses (set-license-total,
 * cancel-subscription, reactivate-subscription, payments/paid-change): it refuses what they would
 * refuse, with the same codes.
 */
export async function quoteChange(
  deps: Deps,
  { actor, subscriptionId, asked }: { actor: Actor; subscriptionId: string; asked: ChangeAsked },
): Promise<ChangeQuote> {
  const sub = await findSubscription(deps.db, actor.orgId, subscriptionId);
  assertChangeable(actor, sub);
  const now = deps.clock.now();
  if ('total' in asked) return quoteTotal(deps, sub, asked.total, now);
  return asked.action === 'cancel' ? quoteCancel(deps, sub, now) : quoteReactivation(deps, sub, now);
}

type Draft = Omit<ChangeQuote, 'subtotal' | 'taxRateBp' | 'tax' | 'total' | 'card' | 'money'>;

const nothing = (sub: Subscription, d: Draft): ChangeQuote => {
  const zero = { amount: 0, currency: sub.currency };
  return { ...d, money: 'none', licenses: 0, subtotal: zero, taxRateBp: 0, tax: zero, total: zero, card: null };
};

async function quoteTotal(deps: Deps, sub: Subscription, total: number, now: Date): Promise<ChangeQuote> {
  if (total < 1)
    throw new AppError('minimum_one_license', 'A subscription keeps at least one license: cancel it instead.');
  if (sub.status !== 'active' && sub.status !== 'trial') {
    throw new AppError('subscription_not_active', 'Only an active subscription can change its number of licenses.');
  }
  if (now >= sub.termEnd)
    throw new AppError('renewal_pending', 'This subscription is being renewed: try again in a minute.');
  const base = { quantity: total, periodStart: now, periodEnd: sub.termEnd, effectiveAt: now };
  if (total === sub.quantity) return nothing(sub, { ...base, change: 'no_change', licenses: 0 });
  if (total > sub.quantity) {
    const draft = { ...base, change: 'more_licenses' as const, licenses: total - sub.quantity };
    return sub.status === 'trial' ? nothing(sub, draft) : charge(deps, sub, draft, prorate(sub, draft.licenses, now));
  }
  if (!withinRefundWindow(sub.termStart, now)) {
    return nothing(sub, {
      ...base,
      change: 'fewer_licenses_at_renewal',
      licenses: 0,
      effectiveAt: sub.termEnd,
      periodStart: sub.termEnd,
    });
  }
  if (total < sub.assigned) {
    throw new AppError(
      'licenses_assigned',
      `${sub.assigned} licenses are assigned: unassign ${sub.assigned - total} before lowering the total to ${total}.`,
      { assigned: sub.assigned, mustUnassign: sub.assigned - total },
    );
  }
  const draft = { ...base, change: 'fewer_licenses' as const, licenses: sub.quantity - total };
  return sub.status === 'active' ? refund(deps, sub, draft, prorate(sub, draft.licenses, now)) : nothing(sub, draft);
}

async function quoteCancel(deps: Deps, sub: Subscription, now: Date): Promise<ChangeQuote> {
  if (sub.canceledAt) throw new AppError('already_canceled', 'This subscription is already canceled.');
  if (sub.status === 'disabled')
    throw new AppError('subscription_not_active', 'This subscription is already disabled.');
  const base = { quantity: sub.quantity, periodStart: now, periodEnd: sub.termEnd };
  if (!withinRefundWindow(sub.termStart, now) || sub.status === 'expired') {
    return nothing(sub, { ...base, change: 'cancel_at_term_end', licenses: 0, effectiveAt: sub.termEnd });
  }
  const draft = { ...base, change: 'cancel' as const, licenses: sub.quantity, effectiveAt: now };
  return sub.status === 'active' ? refund(deps, sub, draft, prorate(sub, sub.quantity, now)) : nothing(sub, draft);
}

async function quoteReactivation(deps: Deps, sub: Subscription, now: Date): Promise<ChangeQuote> {
  if (sub.status !== 'expired' && sub.status !== 'disabled') {
    throw new AppError('subscription_not_inactive', 'Only an expired or disabled subscription can be reactivated.');
  }
  if (!(await maySelfServiceBuy(deps.db, sub))) throw policyRefuses();
  const quantity = Math.max(sub.pendingQuantity ?? sub.quantity, sub.assigned);
  const draft = {
    change: 'reactivation' as const,
    quantity,
    licenses: quantity,
    effectiveAt: now,
    periodStart: now,
    periodEnd: termEnd(now, sub.term),
  };
  return charge(deps, sub, draft, termPrice(sub.unitPrice, sub.term) * quantity);
}

/** As chargeFor: the subscription's card, VAT at its billing profile's country. */
async function charge(deps: Deps, sub: Subscription, d: Draft, subtotal: number): Promise<ChangeQuote> {
  const { billingProfile, paymentMethod } = await findBillingOf(deps.db, sub.orgId, sub.id);
  if (!billingProfile || !paymentMethod) {
    throw new AppError(
      'payment_method_required',
      'The billing profile of this subscription has no payment method: add one first.',
    );
  }
  const totals = totalsOf(subtotal, await billingTaxRate(deps.db, billingProfile.country));
  return {
    ...d,
    ...moneyOf(sub, totals),
    money: 'charge',
    card: methodOf(paymentMethod.method).describe(paymentMethod),
  };
}

/** As refundFor: at the term's rate, split over its charges and never more than they paid, one credit note each. */
async function refund(deps: Deps, sub: Subscription, d: Draft, subtotal: number): Promise<ChangeQuote> {
  const { billingProfile } = await findBillingOf(deps.db, sub.orgId, sub.id);
  const sources = await findRefundableCharges(deps.db, sub.orgId, sub.id, sub.termEnd);
  if (!billingProfile || !sources.length) return nothing(sub, d);
  const taxRateBp = taxRateOf(sources[0]!) ?? 0;
  const parts = splitRefund(
    totalsOf(subtotal, taxRateBp).total,
    sources.filter((s) => s.gatewayChargeId),
  );
  if (!parts.length) return nothing(sub, d);
  const notes = parts.map((p) => totalsFromGross(p.amount, taxRateBp));
  const sum = (k: 'subtotal' | 'tax' | 'total') => notes.reduce((s, n) => s + n[k], 0);
  const totals = { subtotal: sum('subtotal'), taxRateBp, tax: sum('tax'), total: sum('total') };
  return { ...d, ...moneyOf(sub, totals), money: 'refund', card: cardOf(parts[0]!.source) };
}

const moneyOf = (sub: Subscription, t: { subtotal: number; taxRateBp: number; tax: number; total: number }) => ({
  subtotal: { amount: t.subtotal, currency: sub.currency },
  taxRateBp: t.taxRateBp,
  tax: { amount: t.tax, currency: sub.currency },
  total: { amount: t.total, currency: sub.currency },
});
