import { randomUUID } from 'node:crypto';
import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import type { Term } from '../../db/products.js';
import type { Address } from '../../db/payment-methods.js';
import type { CardDetails } from '../../domain/cards.js';
import { cardError, CARD_MESSAGES } from '../../domain/cards.js';
import type { Currency } from '../../domain/money.js';
import { AppError, forbidden, notFound } from '../../domain/errors.js';
import { canWrite } from '../../domain/roles.js';
import { termPrice, totalsOf } from '../../domain/pricing.js';
import { addDays, termEnd } from '../../domain/term.js';
import { findProduct } from '../../db/products.js';
import { findPolicy } from '../../db/policies.js';
import { findOrganization } from '../../db/organizations.js';
import { findPaymentMethod } from '../../db/payment-methods.js';
import { findBillingProfile } from '../../db/billing-profiles.js';
import { findTaxRate } from '../../db/invoices.js';
import { isUniqueViolation } from '../../db/database.js';
import { tokenizeAndVerifyCard } from '../payment-methods/verify-card.js';
import { collect } from '../payments/collect.js';
import { COMPLETIONS, createPurchase, type PurchaseContext } from './completions.js';
import { draftInvoice, snapshotOf } from './invoicing.js';
import { getSubscription, type SubscriptionOut } from './view.js';

export interface BuyInput {
  productId: string;
  quantity: number;
  term: Term;
  trial?: boolean;
  paymentMethodId?: string;
  card?: CardDetails & { nameOnCard: string; address: Address };
  billingProfileId?: string;
  billingProfile?: { name: string; address: Omit<Address, 'country'>; country: string; currency?: Currency; invoiceEmail?: string };
}

/**
 * Buys a subscription (or starts a trial) for the signed-in person and pays for it with their
 * card. Nothing is created unless the charge succeeds; `idempotencyKey` makes a retried request
 * charge once.
 */
export async function buySubscription(deps: Deps, actor: Actor, input: BuyInput, idempotencyKey: string): Promise<SubscriptionOut> {
  if (!canWrite(actor.role)) throw forbidden('read_only', 'Your role can read but not buy.');
  const org = (await findOrganization(deps.db, actor.orgId))!;
  const existingProfile = input.billingProfileId ? await findBillingProfile(deps.db, actor.orgId, actor.personId, input.billingProfileId) : undefined;
  if (input.billingProfileId && !existingProfile) throw notFound('The billing profile');
  const currency = existingProfile?.currency ?? input.billingProfile?.currency ?? org.currency;
  const product = await findProduct(deps.db, input.productId, currency);
  if (!product) throw notFound('The product');
  // the eligibility and the organization's policy bind members' self-service purchases, not admins
  const selfService = actor.role === 'member';
  if (selfService && !product.selfServiceEligible) throw forbidden('not_self_service_eligible', `${product.name} cannot be bought by self-service.`);

  const trial = input.trial === true;
  if (trial && product.trialDays === 0) throw new AppError(422, 'no_trial', `${product.name} has no trial.`);
  const needsCard = !trial || product.trialRequiresPaymentMethod;
  const policy = selfService ? await findPolicy(deps.db, actor.orgId, product.id) : 'Enabled';
  if (policy === 'Disabled') throw forbidden('self_service_disabled', `Your organization does not allow buying ${product.name} by self-service.`);
  if (policy === 'OnlyTrialsWithoutPaymentMethod' && needsCard) {
    throw forbidden('only_trials_allowed', `Your organization only allows trials of ${product.name} that need no payment method.`);
  }
  const existingCard = input.paymentMethodId ? await findPaymentMethod(deps.db, actor.orgId, actor.personId, input.paymentMethodId) : undefined;
  if (input.paymentMethodId && !existingCard) throw notFound('The payment method');
  const profileCard = !existingCard && !input.card && existingProfile?.paymentMethodId
    ? await findPaymentMethod(deps.db, actor.orgId, actor.personId, existingProfile.paymentMethodId) : undefined;
  if (needsCard && !existingCard && !input.card && !profileCard) {
    throw new AppError(400, 'payment_method_required', 'Give a payment method or the details of a card.');
  }
  if (!existingProfile && !input.billingProfile && needsCard) {
    throw new AppError(400, 'billing_profile_required', 'Give a billing profile or the details to create one.');
  }
  const unitPrice = product.prices[input.term];
  if (unitPrice == null) throw new AppError(422, 'price_unavailable', `${product.name} has no ${input.term} price in ${currency}.`);

  // the card goes to the gateway only: what comes back is a token, the brand and the last four digits
  const tokenized = input.card ? await tokenizeAndVerifyCard(deps, input.card) : undefined;
  const card = existingCard ?? profileCard;
  const now = deps.clock.now();
  const id = randomUUID();
  const start = now;
  const end = trial ? addDays(now, product.trialDays) : termEnd(now, input.term);
  const country = existingProfile?.country ?? input.billingProfile?.country ?? org.country;
  const totals = totalsOf(termPrice(unitPrice, input.term) * input.quantity, await findTaxRate(deps.db, country));
  const profile = existingProfile ?? (input.billingProfile && {
    orgId: actor.orgId, ownerId: actor.personId, name: input.billingProfile.name, address: input.billingProfile.address,
    country: input.billingProfile.country, currency, invoiceEmail: input.billingProfile.invoiceEmail ?? null,
  });
  const brandLast4 = tokenized ?? card;
  const context: PurchaseContext = {
    subscription: {
      id, orgId: actor.orgId, productId: product.id, buyerId: actor.personId, billingProfileId: null,
      selfService,
      status: trial ? 'trial' : 'active', term: input.term, quantity: input.quantity, unitPrice, currency,
      termStart: start.toISOString(), termEnd: end.toISOString(), autoRenew: true, startedAsTrial: trial,
    },
    paymentMethod: tokenized && input.card
      ? { new: { orgId: actor.orgId, ownerId: actor.personId, gatewayToken: tokenized.token, brand: tokenized.brand, last4: tokenized.last4,
          expMonth: tokenized.expMonth, expYear: tokenized.expYear, nameOnCard: input.card.nameOnCard, address: input.card.address } }
      : card ? { id: card.id } : null,
    billingProfile: existingProfile ? { id: existingProfile.id } : profile ? { new: profile } : null,
    invoice: trial || !profile ? null : draftInvoice({
      kind: 'invoice', ownerId: actor.personId, subscriptionId: id, billingProfileId: existingProfile?.id ?? null,
      billingSnapshot: snapshotOf(profile), periodStart: start, periodEnd: end, currency, totals,
      line: { productId: product.id, description: `${product.name} (${input.term})`, quantity: input.quantity, unitPrice: termPrice(unitPrice, input.term), amount: totals.subtotal },
    }),
    card: brandLast4 ? { brand: brandLast4.brand, last4: brandLast4.last4 } : null,
  };

  try {
    if (trial || totals.total === 0) {
      await deps.db.transaction((tx) => createPurchase(tx, context, now));
    } else {
      const { outcome, completed } = await collect(deps, {
        orgId: actor.orgId, kind: 'charge', idempotencyKey: `purchase:${actor.personId}:${idempotencyKey}`,
        token: tokenized?.token ?? card!.gatewayToken, paymentMethodId: card?.id ?? null, subscriptionId: null,
        amount: totals.total, currency, purpose: 'purchase', context: context as never,
      }, COMPLETIONS.purchase);
      if (outcome.status === 'failed') throw cardError(outcome.failureCode, CARD_MESSAGES[outcome.failureCode] ?? 'The card was declined.');
      // a retry after a lost answer completes the first attempt's purchase
      return await getSubscription(deps, actor, completed.subscriptionId ?? id);
    }
  } catch (err) {
    if (isUniqueViolation(err, 'subscriptions_one_trial_key')) {
      throw new AppError(409, 'trial_already_used', `You already had a trial of ${product.name}.`);
    }
    throw err;
  }
  return getSubscription(deps, actor, id);
}
