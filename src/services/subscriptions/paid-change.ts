import type { Deps } from '../deps.js';
import type { Queryable } from '../../db/database.js';
import type { ChargePurpose } from '../../db/charges.js';
import { findRefundableCharges } from '../../db/charges.js';
import { findBillingOf, type Subscription } from '../../db/subscriptions.js';
import type { PaymentMethod } from '../../db/payment-methods.js';
import { findTaxRate } from '../../db/invoices.js';
import { findProduct } from '../../db/products.js';
import { AppError } from '../../domain/errors.js';
import { totalsFromGross, totalsOf } from '../../domain/pricing.js';
import type { GatewayCharge } from '../../gateway/gateway.js';
import { collect } from '../payments/collect.js';
import { COMPLETIONS, type ChangeContext } from './completions.js';
import { draftInvoice, snapshotOf } from './invoicing.js';

export interface PaidChange {
  purpose: ChargePurpose;
  idempotencyKey: string;
  actorId: string | null;
  action: string;
  /** before tax */
  subtotal: number;
  quantity: number;
  periodStart: Date;
  periodEnd: Date;
  change: ChangeContext['change'];
  addQuantity?: number;
  onFailure?: ChangeContext['onFailure'];
  /** pay with this card instead of the billing profile's ("Pay now" with another card) */
  card?: PaymentMethod;
  /** the VAT rate of an invoice already issued, which is what is owed even if the profile moved since */
  taxRateBp?: number;
}

async function billingFor(deps: Deps, sub: Subscription, card?: PaymentMethod) {
  const found = await findBillingOf(deps.db, sub.orgId, sub.id);
  const billingProfile = found.billingProfile;
  const paymentMethod = card ?? found.paymentMethod;
  if (!billingProfile || !paymentMethod) {
    throw new AppError(409, 'payment_method_required', 'The billing profile of this subscription has no payment method: add one first.');
  }
  const taxRateBp = await findTaxRate(deps.db, billingProfile.country);
  const product = (await findProduct(deps.db, sub.productId, sub.currency))!;
  return { billingProfile, paymentMethod, taxRateBp, product };
}

function contextOf(sub: Subscription, c: PaidChange, b: Awaited<ReturnType<typeof billingFor>>, kind: 'invoice' | 'credit_note', totals: ReturnType<typeof totalsOf>): ChangeContext {
  return {
    actorId: c.actorId, productName: b.product.name, action: c.action, change: c.change, addQuantity: c.addQuantity, onFailure: c.onFailure,
    card: { brand: b.paymentMethod.brand, last4: b.paymentMethod.last4 },
    invoice: draftInvoice({
      kind, ownerId: sub.buyerId, subscriptionId: sub.id, billingProfileId: b.billingProfile.id, billingSnapshot: snapshotOf(b.billingProfile),
      periodStart: c.periodStart, periodEnd: c.periodEnd, currency: sub.currency, totals,
      line: { productId: sub.productId, description: `${b.product.name} (${sub.term})`, quantity: c.quantity, unitPrice: c.quantity ? Math.round(totals.subtotal / c.quantity) : 0, amount: totals.subtotal },
    }),
  };
}

/** Charges the subscription's card for a change and applies it once paid (see collect.ts). */
export async function payForChange(deps: Deps, sub: Subscription, c: PaidChange): Promise<GatewayCharge> {
  const b = await billingFor(deps, sub, c.card);
  const totals = totalsOf(c.subtotal, c.taxRateBp ?? b.taxRateBp);
  const { outcome } = await collect(deps, {
    orgId: sub.orgId, kind: 'charge', idempotencyKey: c.idempotencyKey, token: b.paymentMethod.gatewayToken,
    paymentMethodId: b.paymentMethod.id, subscriptionId: sub.id, amount: totals.total, currency: sub.currency,
    purpose: c.purpose, context: contextOf(sub, c, b, 'invoice', totals) as never,
  }, COMPLETIONS[c.purpose]);
  return outcome;
}

/**
 * Gives money back for a change made at once (`prepare`, in the transaction that records the
 * refund as pending): refunded on the term's charge with the most left to refund, never more
 * than it, with a credit note. With nothing paid, only the change is made.
 */
export async function refundForChange(deps: Deps, sub: Subscription, c: PaidChange, prepare: (tx: Queryable) => Promise<void>): Promise<GatewayCharge | null> {
  const b = await billingFor(deps, sub).catch(() => null);
  const [source] = (await findRefundableCharges(deps.db, sub.orgId, sub.id, sub.termStart)).sort((x, y) => y.refundable - x.refundable);
  const wanted = b ? totalsOf(c.subtotal, b.taxRateBp) : null;
  if (!b || !source || !source.gatewayChargeId || !wanted || wanted.total === 0 || source.refundable <= 0) {
    await deps.db.transaction(prepare);
    return null;
  }
  const totals = wanted.total <= source.refundable ? wanted : totalsFromGross(source.refundable, b.taxRateBp);
  const context = { ...contextOf(sub, c, b, 'credit_note', totals), creditedInvoiceId: source.invoiceId };
  const { outcome } = await collect(deps, {
    orgId: sub.orgId, kind: 'refund', idempotencyKey: c.idempotencyKey, refundOf: source.gatewayChargeId,
    paymentMethodId: source.paymentMethodId, subscriptionId: sub.id, amount: totals.total, currency: sub.currency,
    purpose: c.purpose, context: context as never,
  }, COMPLETIONS[c.purpose], prepare);
  return outcome;
}

export const refundFailed = () =>
  new AppError(409, 'refund_failed', 'The refund to your card did not go through, so nothing was changed. Please try again later.');
