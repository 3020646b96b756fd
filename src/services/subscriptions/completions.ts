import type { Queryable } from '../../db/database.js';
import type { ChargePurpose, Charge } from '../../db/charges.js';
import { insertPaymentMethod, type PaymentMethod } from '../../db/payment-methods.js';
import { insertBillingProfile, type BillingProfile } from '../../db/billing-profiles.js';
import { insertSubscription, lockSubscription, updateSubscription, type NewSubscription, type SubscriptionChange } from '../../db/subscriptions.js';
import { recordAudit } from '../../db/audit.js';
import type { GatewayCharge } from '../../gateway/gateway.js';
import type { Completed, Completion } from '../payments/collect.js';
import { issueInvoice, type InvoiceDraft } from './invoicing.js';
import { findDueInvoice, markInvoicePaid } from '../../db/invoices.js';
import { notify } from '../notifications/notify.js';

/** A purchase as worked out before payment: everything needed to create it once paid. */
export interface PurchaseContext {
  subscription: Omit<NewSubscription, 'termStart' | 'termEnd'> & { id: string; termStart: string; termEnd: string };
  paymentMethod: { id: string } | { new: Omit<PaymentMethod, 'id' | 'createdAt'> } | null;
  billingProfile: { id: string } | { new: Omit<BillingProfile, 'id' | 'createdAt' | 'paymentMethodId'> } | null;
  invoice: InvoiceDraft | null;
  card: { brand: string; last4: string } | null;
}

/** Creates a bought subscription with its card, billing profile, invoice and audit event. */
export async function createPurchase(tx: Queryable, ctx: PurchaseContext, now: Date): Promise<Completed> {
  const s = ctx.subscription;
  let paymentMethodId: string | null = null;
  if (ctx.paymentMethod) {
    paymentMethodId = 'new' in ctx.paymentMethod ? (await insertPaymentMethod(tx, ctx.paymentMethod.new, now)).id : ctx.paymentMethod.id;
  }
  let billingProfileId: string | null = null;
  if (ctx.billingProfile) {
    billingProfileId = 'new' in ctx.billingProfile
      ? (await insertBillingProfile(tx, { ...ctx.billingProfile.new, paymentMethodId }, now)).id
      : ctx.billingProfile.id;
  }
  if (ctx.billingProfile && 'id' in ctx.billingProfile && paymentMethodId && ctx.paymentMethod && 'new' in ctx.paymentMethod) {
    // a new card bought with an existing profile becomes the profile's payment method
    await tx.query('UPDATE billing_profiles SET payment_method_id = $3, updated_at = $4 WHERE org_id = $1 AND id = $2',
      [s.orgId, billingProfileId, paymentMethodId, now]);
  }
  await insertSubscription(tx, { ...s, billingProfileId, termStart: new Date(s.termStart), termEnd: new Date(s.termEnd) }, now);
  const invoiceId = ctx.invoice
    ? await issueInvoice(tx, s.orgId, { ...ctx.invoice, billingProfileId }, { status: 'paid', payment: ctx.card }, now)
    : null;
  await recordAudit(tx, now, {
    orgId: s.orgId, actorId: s.buyerId, action: s.status === 'trial' ? 'subscription.trial_started' : 'subscription.purchased',
    objectType: 'subscription', objectId: s.id, details: { productId: s.productId, quantity: s.quantity, term: s.term },
  });
  return { subscriptionId: s.id, invoiceId };
}

/** A change paid (or refunded) by a charge: applied on success; `onFailure` says what a failure leaves. */
export interface ChangeContext {
  actorId: string | null;
  productName: string;
  action: string;
  change: Omit<SubscriptionChange, 'termStart' | 'termEnd' | 'statusChangedAt' | 'canceledAt'> & { termStart?: string; termEnd?: string; canceledAt?: null };
  /** licenses added to the total as it is then (two changes in a row both count) */
  addQuantity?: number;
  onFailure?: Omit<SubscriptionChange, 'statusChangedAt' | 'termStart' | 'termEnd' | 'canceledAt'> & { addQuantity?: number; statusChangedAt?: string; canceledAt?: null };
  invoice: InvoiceDraft;
  card: { brand: string; last4: string } | null;
  creditedInvoiceId?: string | null;
}

const dates = <T extends { termStart?: string; termEnd?: string; statusChangedAt?: string }>(c: T) => ({
  ...c,
  termStart: c.termStart ? new Date(c.termStart) : undefined,
  termEnd: c.termEnd ? new Date(c.termEnd) : undefined,
  statusChangedAt: c.statusChangedAt ? new Date(c.statusChangedAt) : undefined,
});

async function applyChange(tx: Queryable, charge: Charge, outcome: GatewayCharge, now: Date): Promise<Completed> {
  const ctx = charge.context as unknown as ChangeContext;
  const sub = (await lockSubscription(tx, charge.orgId, charge.subscriptionId!))!;
  if (outcome.status === 'failed') {
    if (charge.purpose === 'renewal' && sub.status !== 'expired') {
      await notify(tx, now, {
        orgId: sub.orgId, personId: sub.buyerId, kind: 'renewal_failed',
        payload: { subscriptionId: sub.id, product: ctx.productName, failureCode: outcome.failureCode },
        dedupeKey: `renewal_failed:${sub.id}:${sub.termEnd.toISOString()}`,
      });
    }
    // a failed renewal leaves its invoice due, to be paid by a retry or with another card
    if (charge.purpose === 'renewal' && !(await findDueInvoice(tx, sub.orgId, sub.id, new Date(ctx.invoice.periodStart)))) {
      await issueInvoice(tx, sub.orgId, ctx.invoice, { status: 'due', payment: null }, now);
    }
    if (ctx.onFailure) {
      const { addQuantity, ...rest } = ctx.onFailure;
      await updateSubscription(tx, sub.orgId, sub.id, { ...dates(rest), quantity: addQuantity ? sub.quantity + addQuantity : rest.quantity }, now);
    }
    return { subscriptionId: sub.id, invoiceId: null };
  }
  const change = { ...dates(ctx.change), statusChangedAt: ctx.change.status && ctx.change.status !== sub.status ? now : undefined };
  if (ctx.addQuantity) change.quantity = sub.quantity + ctx.addQuantity;
  await updateSubscription(tx, sub.orgId, sub.id, change, now);
  const refund = charge.kind === 'refund';
  const due = charge.purpose === 'renewal' ? await findDueInvoice(tx, sub.orgId, sub.id, new Date(ctx.invoice.periodStart)) : undefined;
  if (due) await markInvoicePaid(tx, sub.orgId, due, ctx.card);
  const invoiceId = due ?? await issueInvoice(tx, sub.orgId, ctx.invoice,
    { status: refund ? 'refunded' : 'paid', payment: ctx.card, creditedInvoiceId: ctx.creditedInvoiceId }, now);
  await recordAudit(tx, now, {
    orgId: sub.orgId, actorId: ctx.actorId, action: ctx.action, objectType: 'subscription', objectId: sub.id,
    details: { amount: charge.amount, currency: charge.currency, kind: charge.kind },
  });
  return { subscriptionId: sub.id, invoiceId };
}

const purchase: Completion = async (tx, charge, outcome, now) =>
  outcome.status === 'succeeded'
    ? createPurchase(tx, charge.context as unknown as PurchaseContext, now)
    : { subscriptionId: null, invoiceId: null };

/** How each kind of charge is completed: by the request that made it or, after a crash, by reconciliation. */
export const COMPLETIONS: Record<ChargePurpose, Completion> = {
  purchase,
  more_licenses: applyChange,
  fewer_licenses: applyChange,
  cancel: applyChange,
  renewal: applyChange,
  reactivation: applyChange,
};
