import type { Queryable } from '../../db/database.js';
import type { ChargePurpose } from '../../db/charges.js';
import { findRefundableCharges } from '../../db/charges.js';
import { findBillingOf, type Subscription } from '../../db/subscriptions.js';
import type { PaymentMethod } from '../../db/payment-methods.js';
import type { BillingProfile } from '../../db/billing-profiles.js';
import { findProduct } from '../../db/products.js';
import { AppError } from '../../domain/errors.js';
import { totalsFromGross, totalsOf, type Totals } from '../../domain/pricing.js';
import { splitRefund } from '../../domain/refunds.js';
import { billingTaxRate } from '../billing/tax-rate.js';
import { draftInvoice, snapshotOf } from '../subscriptions/invoicing.js';
import { cardOf, taxRateOf, type ChangeContext, type StoredChange } from './completions.js';
import type { MoneyOperation, Part } from './operation.js';
import { labelOf } from './methods/index.js';
import type { PaymentLabel } from '../../domain/payment-methods.js';

/** A change of a subscription that moves money, as its use case decided it under the row lock. */
export interface PaidChange {
  purpose: ChargePurpose;
  actorId: string | null;
  /** the audit event once done */
  action: string;
  /** licenses paid for or given back, from periodStart to the term's end */
  licenses: number;
  /** before tax */
  subtotal: number;
  term: { start: Date; end: Date };
  periodStart: Date;
  /** what the subscription becomes once paid */
  change?: StoredChange;
  onFailure?: StoredChange | undefined;
  dueInvoice?: boolean;
  renewal?: boolean;
  /** the VAT rate of an invoice already issued, which is what is owed even if the profile moved since */
  taxRateBp?: number;
}

/** The name of an operation on a subscription: its purpose and the state it was decided from. */
export const operationKey = (sub: Subscription, purpose: ChargePurpose, what = `v${sub.version}`) =>
  `${purpose}:${sub.id}:${what}`;

async function billingProfileOf(tx: Queryable, sub: Subscription, card?: PaymentMethod) {
  const found = await findBillingOf(tx, sub.orgId, sub.id);
  const product = (await findProduct(tx, sub.productId, sub.currency))!;
  return { billingProfile: found.billingProfile, paymentMethod: card ?? found.paymentMethod, product };
}

function contextOf(
  sub: Subscription,
  c: PaidChange,
  p: { billingProfile: BillingProfile; productName: string },
  kind: 'invoice' | 'credit_note',
  totals: Totals,
  card: PaymentLabel | null,
): ChangeContext {
  return {
    actorId: c.actorId,
    productName: p.productName,
    action: c.action,
    change: c.change ?? {},
    onFailure: c.onFailure,
    dueInvoice: c.dueInvoice,
    renewal: c.renewal,
    card,
    invoice: draftInvoice({
      kind,
      ownerId: sub.buyerId,
      subscriptionId: sub.id,
      billingProfileId: p.billingProfile.id,
      billingSnapshot: snapshotOf(p.billingProfile),
      periodStart: c.periodStart,
      periodEnd: c.term.end,
      currency: sub.currency,
      totals,
      line: {
        productId: sub.productId,
        description: `${p.productName} (${sub.term})`,
        quantity: Math.abs(c.licenses),
        unitPrice: c.licenses ? Math.round(totals.subtotal / Math.abs(c.licenses)) : 0,
        amount: totals.subtotal,
      },
    }),
  };
}

/** The money operation of a change, named by `key`, for the licenses it pays for (> 0) or gives back (< 0). */
const operationOf = (
  sub: Subscription,
  key: string,
  c: PaidChange,
  licenses: number,
  parts: Part[],
): MoneyOperation => ({
  orgId: sub.orgId,
  subscriptionId: sub.id,
  key,
  purpose: c.purpose,
  currency: sub.currency,
  licenses,
  term: c.term,
  periodStart: c.periodStart,
  parts,
});

/** Charges the subscription's payment method (or the one given) for a change, applied once paid. */
export async function chargeFor(
  tx: Queryable,
  sub: Subscription,
  key: string,
  c: PaidChange,
  card?: PaymentMethod,
): Promise<MoneyOperation> {
  const { billingProfile, paymentMethod, product } = await billingProfileOf(tx, sub, card);
  if (!billingProfile || !paymentMethod) {
    throw new AppError(
      'payment_method_required',
      'The billing profile of this subscription has no payment method: add one first.',
    );
  }
  const totals = totalsOf(c.subtotal, c.taxRateBp ?? (await billingTaxRate(tx, billingProfile.country)));
  return operationOf(sub, key, c, c.licenses, [
    {
      kind: 'charge',
      amount: totals.total,
      method: paymentMethod.method,
      token: paymentMethod.gatewayToken,
      paymentMethodId: paymentMethod.id,
      context: contextOf(
        sub,
        c,
        { billingProfile, productName: product.name },
        'invoice',
        totals,
        labelOf(paymentMethod),
      ),
    },
  ]);
}

/**
 * Gives back what the term's charges paid for `licenses` licenses from periodStart (the change
 * itself is made by the caller, at once): split over the term's charges, the newest first, with a
 * credit note citing each invoice corrected. Undefined when nothing was paid (a trial).
 */
export async function refundFor(
  tx: Queryable,
  sub: Subscription,
  key: string,
  c: PaidChange,
): Promise<MoneyOperation | undefined> {
  const { billingProfile, product } = await billingProfileOf(tx, sub);
  const sources = await findRefundableCharges(tx, sub.orgId, sub.id, sub.termEnd);
  if (!billingProfile || !sources.length) return undefined;
  // at the rate the term was paid at, whatever the profile's country has become since
  const taxRateBp = taxRateOf(sources[0]!) ?? 0;
  const wanted = totalsOf(c.subtotal, taxRateBp).total;
  const parts = splitRefund(
    wanted,
    sources.filter((s) => s.gatewayChargeId),
  );
  if (!parts.length) return undefined;
  return operationOf(
    sub,
    key,
    c,
    -Math.abs(c.licenses),
    parts.map(({ source, amount }) => {
      const context = contextOf(
        sub,
        c,
        { billingProfile, productName: product.name },
        'credit_note',
        totalsFromGross(amount, taxRateBp),
        cardOf(source),
      );
      return {
        kind: 'refund' as const,
        amount,
        refundOf: source,
        context: { ...context, creditedInvoiceId: source.invoiceId },
      };
    }),
  );
}
