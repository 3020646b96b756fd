import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { AppError } from '../../domain/errors.js';
import { assertCanChange } from '../../domain/roles.js';
import type { Queryable } from '../../db/database.js';
import type { PaymentMethod } from '../../db/payment-methods.js';
import type { Subscription } from '../../db/subscriptions.js';
import { findInvoice, type InvoiceDetail } from '../../db/invoices.js';
import { chosenMethod } from '../payment-methods/add-payment-method.js';
import type { NewDetails } from '../payments/methods/index.js';
import { assertPaid, changeSubscription } from '../payments/operation.js';
import { chargeFor, operationKey } from '../payments/paid-change.js';
import { getInvoice } from './get-invoice.js';
import { getMyInvoice } from './get-my-invoice.js';

export type PayInvoice = NewDetails & {
  actor: Actor;
  invoiceId: string;
  paymentMethodId?: string;
};

const notDue = () => new AppError('invoice_not_due', 'This invoice has nothing left to pay.');

/**
 * "Pay now": an invoice left due by a failed renewal, paid with another card. Paid, the
 * subscription is active again for that term. Decided under the subscription's lock from the
 * invoice as it is then: paid from two tabs, the second finds nothing left to pay.
 */
export async function payInvoice(deps: Deps, { actor, invoiceId, ...chosen }: PayInvoice) {
  assertCanChange(actor);
  const invoice = await getMyInvoice(deps, actor, invoiceId);
  if (invoice.status !== 'due' || !invoice.subscriptionId) throw notDue();
  const card = await chosenMethod(deps, actor, chosen);
  const { outcomes } = await changeSubscription(deps, actor.orgId, invoice.subscriptionId, async (tx, sub) => {
    const due = await stillDue(tx, actor, invoiceId, sub);
    return { result: null, operation: await chargeDueInvoice(tx, actor, sub, { invoiceId, due }, card) };
  });
  assertPaid(outcomes);
  return getInvoice(deps, actor, invoiceId);
}

/** The invoice as it is under the lock: still due, and its subscription still expired. */
async function stillDue(tx: Queryable, actor: Actor, invoiceId: string, sub: Subscription) {
  const due = (await findInvoice(tx, actor.orgId, invoiceId))!;
  if (due.status !== 'due') throw notDue();
  if (sub.status !== 'expired') {
    throw new AppError(
      'subscription_not_expired',
      'This subscription can no longer be renewed this way: reactivate it instead.',
    );
  }
  return due;
}

/** Charges the invoice's amount for its term; paid, the subscription is active again for that term. */
function chargeDueInvoice(
  tx: Queryable,
  actor: Actor,
  sub: Subscription,
  { invoiceId, due }: { invoiceId: string; due: InvoiceDetail },
  card: PaymentMethod,
) {
  const line = due.lines[0]!;
  const term = { start: new Date(due.periodStart!), end: new Date(due.periodEnd!) };
  return chargeFor(
    tx,
    sub,
    operationKey(sub, 'pay_invoice', `${invoiceId}:v${sub.version}`),
    {
      purpose: 'pay_invoice',
      actorId: actor.personId,
      action: 'invoice.paid',
      licenses: line.quantity,
      subtotal: due.subtotal,
      taxRateBp: due.taxRateBp,
      term,
      periodStart: term.start,
      dueInvoice: true,
      change: {
        status: 'active',
        quantity: line.quantity,
        pendingQuantity: null,
        termStart: term.start.toISOString(),
        termEnd: term.end.toISOString(),
      },
    },
    card,
  );
}
