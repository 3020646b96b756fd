import type { Queryable } from '../../db/database.js';
import { insertPaymentMethod, type NewPaymentMethod } from '../../db/payment-methods.js';
import { insertBillingProfile, updateBillingProfile, type BillingProfile } from '../../db/billing-profiles.js';
import { insertSubscription, type NewSubscription } from '../../db/subscriptions.js';
import { recordAudit } from '../../db/audit.js';
import type { PaymentLabel } from '../../domain/payment-methods.js';
import { issueInvoice, type InvoiceDraft } from './invoicing.js';

type Owned<T> = T & { orgId: string; ownerId: string };

/** A purchase as worked out before payment: everything needed to create it once paid. */
export interface PurchaseContext {
  subscription: Omit<NewSubscription, 'termStart' | 'termEnd'> & { id: string; termStart: string; termEnd: string };
  /** a new one without a method was recorded before payment methods had a type (023): a card */
  paymentMethod:
    | { id: string }
    | { new: Owned<NewPaymentMethod | Omit<Extract<NewPaymentMethod, { method: 'card' }>, 'method'>> }
    | null;
  billingProfile: { id: string } | { new: Omit<BillingProfile, 'id' | 'createdAt' | 'paymentMethodId'> } | null;
  invoice: InvoiceDraft | null;
  /** how the invoice names what paid */
  card: PaymentLabel | null;
}

/** Creates a bought subscription with its card, billing profile, invoice and audit event. */
export async function createPurchase(tx: Queryable, ctx: PurchaseContext, now: Date) {
  const s = ctx.subscription;
  let paymentMethodId: string | null = null;
  if (ctx.paymentMethod) {
    paymentMethodId =
      'new' in ctx.paymentMethod
        ? (await insertPaymentMethod(tx, { method: 'card', ...ctx.paymentMethod.new }, now)).id
        : ctx.paymentMethod.id;
  }
  let billingProfileId: string | null = null;
  if (ctx.billingProfile) {
    billingProfileId =
      'new' in ctx.billingProfile
        ? (await insertBillingProfile(tx, { ...ctx.billingProfile.new, paymentMethodId }, now)).id
        : ctx.billingProfile.id;
  }
  if (
    ctx.billingProfile &&
    'id' in ctx.billingProfile &&
    paymentMethodId &&
    ctx.paymentMethod &&
    'new' in ctx.paymentMethod
  ) {
    // a new card bought with an existing profile becomes the profile's payment method
    await updateBillingProfile(tx, s.orgId, ctx.billingProfile.id, { paymentMethodId }, now);
  }
  await insertSubscription(
    tx,
    { ...s, billingProfileId, termStart: new Date(s.termStart), termEnd: new Date(s.termEnd) },
    now,
  );
  const invoiceId = ctx.invoice
    ? await issueInvoice(tx, s.orgId, { ...ctx.invoice, billingProfileId }, { status: 'paid', payment: ctx.card }, now)
    : null;
  await recordAudit(tx, now, {
    orgId: s.orgId,
    actorId: s.buyerId,
    action: s.status === 'trial' ? 'subscription.trial_started' : 'subscription.purchased',
    objectType: 'subscription',
    objectId: s.id,
    details: { productId: s.productId, quantity: s.quantity, term: s.term },
  });
  return { subscriptionId: s.id, invoiceId };
}
