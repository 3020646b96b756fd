import type { Queryable } from '../../db/database.js';
import type { Charge, ChargePurpose } from '../../db/charges.js';
import { findSubscription, updateSubscription, type SubscriptionChange } from '../../db/subscriptions.js';
import { findDueInvoice, markInvoicePaid } from '../../db/invoices.js';
import { recordAudit } from '../../db/audit.js';
import type { GatewayCharge } from '../../gateway/gateway.js';
import type { PaymentLabel } from '../../domain/payment-methods.js';
import { notify } from '../notifications/notify.js';
import { issueInvoice, type InvoiceDraft } from '../subscriptions/invoicing.js';
import { createPurchase, type PurchaseContext } from '../subscriptions/create-purchase.js';

export interface Completed {
  subscriptionId: string | null;
  invoiceId: string | null;
}

/** A subscription change as a charge keeps it (JSON): dates as ISO strings. */
export type StoredChange = Omit<SubscriptionChange, 'statusChangedAt' | 'termStart' | 'termEnd' | 'canceledAt'> & {
  statusChangedAt?: string;
  termStart?: string;
  termEnd?: string;
  canceledAt?: null;
};

/** What a charge or refund of a subscription does once the gateway has answered. */
export interface ChangeContext {
  actorId: string | null;
  /** the audit event of the change */
  action: string;
  productName: string;
  /** set on the subscription once paid (decided under its lock: absolute values) */
  change: StoredChange;
  /** set instead if the charge fails */
  onFailure?: StoredChange | undefined;
  /** issued once paid: an invoice, or for a refund the credit note */
  invoice: InvoiceDraft;
  /** how the invoice or credit note names what paid (the method's describe) */
  card: PaymentLabel | null;
  /** the invoice a credit note corrects */
  creditedInvoiceId?: string | null | undefined;
  /** the due invoice this payment settles ("Pay now", a renewal retried) */
  dueInvoice?: boolean | undefined;
  /** a failed renewal: the buyer is told and the invoice stays due, to be paid with another card */
  renewal?: boolean | undefined;
}

export type ChargeContext = PurchaseContext | ChangeContext;

/** What happens in our books once the gateway has answered, in the transaction that marks the part done. */
export type Completion = (tx: Queryable, charge: Charge, outcome: GatewayCharge, now: Date) => Promise<Completed>;

// the one place a charge's stored context is read back: its purpose says which shape it has
const changeOf = (c: Charge) => c.context as ChangeContext;
const purchaseOf = (c: Charge) => c.context as PurchaseContext;

export const revive = (c: StoredChange): SubscriptionChange => ({
  ...c,
  termStart: c.termStart ? new Date(c.termStart) : undefined,
  termEnd: c.termEnd ? new Date(c.termEnd) : undefined,
  statusChangedAt: c.statusChangedAt ? new Date(c.statusChangedAt) : undefined,
});

async function failedChange(
  tx: Queryable,
  charge: Charge,
  ctx: ChangeContext,
  outcome: Extract<GatewayCharge, { status: 'failed' }>,
  now: Date,
) {
  const subscriptionId = charge.subscriptionId!;
  if (ctx.renewal) {
    await notify(tx, now, {
      orgId: charge.orgId,
      personId: ctx.invoice.ownerId,
      kind: 'renewal_failed',
      payload: { subscriptionId, product: ctx.productName, failureCode: outcome.failureCode },
      dedupeKey: `renewal_failed:${subscriptionId}:${ctx.invoice.periodStart}`,
    });
    if (!(await findDueInvoice(tx, charge.orgId, subscriptionId, new Date(ctx.invoice.periodStart)))) {
      await issueInvoice(tx, charge.orgId, ctx.invoice, { status: 'due', payment: null }, now);
    }
  }
  if (charge.kind === 'refund') {
    await recordAudit(tx, now, {
      orgId: charge.orgId,
      actorId: ctx.actorId,
      action: 'subscription.refund_failed',
      objectType: 'subscription',
      objectId: subscriptionId,
      details: { amount: charge.amount, currency: charge.currency, failureCode: outcome.failureCode },
    });
  }
  if (ctx.onFailure) await updateSubscription(tx, charge.orgId, subscriptionId, revive(ctx.onFailure), now);
  return { subscriptionId, invoiceId: null };
}

const applyChange: Completion = async (tx, charge, outcome, now) => {
  const ctx = changeOf(charge);
  if (outcome.status === 'failed') return failedChange(tx, charge, ctx, outcome, now);
  const subscriptionId = charge.subscriptionId!;
  if (Object.keys(ctx.change).length) {
    const change = revive(ctx.change);
    const before = (await findSubscription(tx, charge.orgId, subscriptionId))!;
    await updateSubscription(
      tx,
      charge.orgId,
      subscriptionId,
      { ...change, statusChangedAt: change.status && change.status !== before.status ? now : undefined },
      now,
    );
  }
  const due = ctx.dueInvoice
    ? await findDueInvoice(tx, charge.orgId, subscriptionId, new Date(ctx.invoice.periodStart))
    : undefined;
  if (due) await markInvoicePaid(tx, charge.orgId, due, ctx.card);
  const invoiceId =
    due ??
    (await issueInvoice(
      tx,
      charge.orgId,
      ctx.invoice,
      {
        status: charge.kind === 'refund' ? 'refunded' : 'paid',
        payment: ctx.card,
        creditedInvoiceId: ctx.creditedInvoiceId,
      },
      now,
    ));
  await recordAudit(tx, now, {
    orgId: charge.orgId,
    actorId: ctx.actorId,
    action: ctx.action,
    objectType: 'subscription',
    objectId: subscriptionId,
    details: { amount: charge.amount, currency: charge.currency, kind: charge.kind },
  });
  return { subscriptionId, invoiceId };
};

const purchase: Completion = async (tx, charge, outcome, now) =>
  outcome.status === 'succeeded'
    ? createPurchase(tx, purchaseOf(charge), now)
    : { subscriptionId: null, invoiceId: null };

/** How each kind of charge is completed: by the request that made it or, after a crash, by reconciliation. */
export const COMPLETIONS: Record<ChargePurpose, Completion> = {
  purchase,
  more_licenses: applyChange,
  fewer_licenses: applyChange,
  cancel: applyChange,
  take_control: applyChange,
  renewal: applyChange,
  reactivation: applyChange,
  pay_invoice: applyChange,
};

/** The VAT rate a charge was made at (what a refund of it gives back at). */
export const taxRateOf = (c: Charge): number | undefined =>
  (c.purpose === 'purchase' ? purchaseOf(c).invoice : changeOf(c).invoice)?.totals.taxRateBp;

/** How the method a charge was paid with was named (a refund goes back to it). */
export const cardOf = (c: Charge) => (c.purpose === 'purchase' ? purchaseOf(c) : changeOf(c)).card;
