import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { AppError, forbidden, notFound } from '../../domain/errors.js';
import { cardError, CARD_MESSAGES } from '../../domain/cards.js';
import { canWrite } from '../../domain/roles.js';
import { findPaymentMethod } from '../../db/payment-methods.js';
import { findSubscription } from '../../db/subscriptions.js';
import { addCard, type NewCard } from '../payment-methods/manage.js';
import { payForChange } from '../subscriptions/paid-change.js';
import { getInvoice, getMyInvoice } from './invoices.js';

/**
 * "Pay now": an invoice left due by a failed renewal, paid with another card. Paid, the
 * subscription is active again for that term.
 */
export async function payInvoice(deps: Deps, actor: Actor, id: string, input: { paymentMethodId?: string; card?: NewCard }, idempotencyKey: string) {
  if (!canWrite(actor.role)) throw forbidden('read_only', 'Your role can read but not change anything.');
  const invoice = await getMyInvoice(deps, actor, id);
  if (invoice.status !== 'due') throw new AppError(409, 'invoice_not_due', 'This invoice has nothing left to pay.');
  const sub = invoice.subscriptionId ? await findSubscription(deps.db, actor.orgId, invoice.subscriptionId) : undefined;
  if (!sub || sub.status !== 'expired') {
    throw new AppError(409, 'subscription_not_expired', 'This subscription can no longer be renewed this way: reactivate it instead.');
  }
  const card = input.card ? await addCard(deps, actor, input.card)
    : input.paymentMethodId ? await findPaymentMethod(deps.db, actor.orgId, actor.personId, input.paymentMethodId) : undefined;
  if (!card) throw notFound('The payment method');
  const line = invoice.lines[0]!;
  const outcome = await payForChange(deps, sub, {
    purpose: 'renewal', idempotencyKey: `pay:${invoice.id}:${idempotencyKey}`, actorId: actor.personId, action: 'invoice.paid',
    subtotal: invoice.subtotal, taxRateBp: invoice.taxRateBp, quantity: line.quantity, periodStart: new Date(invoice.periodStart!), periodEnd: new Date(invoice.periodEnd!),
    change: { status: 'active', quantity: line.quantity, pendingQuantity: null, termStart: new Date(invoice.periodStart!).toISOString(), termEnd: new Date(invoice.periodEnd!).toISOString() },
    card,
  });
  if (outcome.status === 'failed') throw cardError(outcome.failureCode, CARD_MESSAGES[outcome.failureCode] ?? 'The card was declined.');
  return getInvoice(deps, actor, id);
}
