import { randomUUID } from 'node:crypto';
import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import type { Term } from '../../domain/subscription.js';
import type { Address, PaymentMethod } from '../../db/payment-methods.js';
import type { BillingProfile } from '../../db/billing-profiles.js';
import type { Product } from '../../db/products.js';
import type { Currency } from '../../domain/money.js';
import { AppError, forbidden, notFound } from '../../domain/errors.js';
import { assertCanChange } from '../../domain/roles.js';
import { termPrice, totalsOf } from '../../domain/pricing.js';
import { addDays, termEnd } from '../../domain/term.js';
import { findProduct } from '../../db/products.js';
import { findPolicy } from '../../db/policies.js';
import { findOrganization } from '../../db/organizations.js';
import { findPaymentMethod } from '../../db/payment-methods.js';
import { findBillingProfile } from '../../db/billing-profiles.js';
import { isUniqueViolation } from '../../db/database.js';
import { billingTaxRate } from '../billing/tax-rate.js';
import { labelOf, newMethodIn, saveNew, type NewDetails } from '../payments/methods/index.js';
import { assertPaid, settle, startOperation } from '../payments/operation.js';
import { createPurchase, type PurchaseContext } from './create-purchase.js';
import { draftInvoice, snapshotOf } from './invoicing.js';
import { getSubscription } from './get-subscription.js';
import type { SubscriptionOut } from './subscription-view.js';

export type BuyInput = NewDetails & {
  productId: string;
  quantity: number;
  term: Term;
  trial?: boolean;
  paymentMethodId?: string;
  billingProfileId?: string;
  billingProfile?: {
    name: string;
    address: Omit<Address, 'country'>;
    country: string;
    currency?: Currency;
    invoiceEmail?: string;
  };
};

export interface BuySubscription {
  actor: Actor;
  input: BuyInput;
  /** the request's Idempotency-Key: a retried purchase charges once */
  idempotencyKey: string;
}

type NewProfile = Omit<BillingProfile, 'id' | 'createdAt' | 'paymentMethodId'>;

/** The product at the buyer's currency, if the organization's rules let this person buy it so. */
async function eligibleProduct(deps: Deps, actor: Actor, input: BuyInput, currency: Currency) {
  const product = await findProduct(deps.db, input.productId, currency);
  if (!product) throw notFound('The product');
  // the eligibility and the organization's policy bind members' self-service purchases, not admins
  const selfService = actor.role === 'member';
  if (selfService && !product.selfServiceEligible)
    throw forbidden('not_self_service_eligible', `${product.name} cannot be bought by self-service.`);
  const trial = input.trial === true;
  if (trial && product.trialDays === 0) throw new AppError('no_trial', `${product.name} has no trial.`);
  const needsCard = !trial || product.trialRequiresPaymentMethod;
  const policy = selfService ? await findPolicy(deps.db, actor.orgId, product.id) : 'Enabled';
  if (policy === 'Disabled')
    throw forbidden(
      'self_service_disabled',
      `Your organization does not allow buying ${product.name} by self-service.`,
    );
  if (policy === 'OnlyTrialsWithoutPaymentMethod' && needsCard) {
    throw forbidden(
      'only_trials_allowed',
      `Your organization only allows trials of ${product.name} that need no payment method.`,
    );
  }
  const unitPrice = product.prices[input.term];
  if (unitPrice == null)
    throw new AppError('price_unavailable', `${product.name} has no ${input.term} price in ${currency}.`);
  return { product, selfService, trial, needsCard, unitPrice };
}

/** The card to pay with: one saved, the billing profile's, or a new one (tokenized, verified). */
async function paymentOf(
  deps: Deps,
  actor: Actor,
  input: BuyInput,
  profile: BillingProfile | undefined,
  needsCard: boolean,
) {
  const saved = input.paymentMethodId
    ? await findPaymentMethod(deps.db, actor.orgId, actor.personId, input.paymentMethodId)
    : undefined;
  if (input.paymentMethodId && !saved) throw notFound('The payment method');
  const given = newMethodIn(input);
  const profileCard =
    !saved && !given && profile?.paymentMethodId
      ? await findPaymentMethod(deps.db, actor.orgId, actor.personId, profile.paymentMethodId)
      : undefined;
  const card: PaymentMethod | undefined = saved ?? profileCard;
  if (needsCard && !card && !given)
    throw new AppError('payment_method_required', 'Give a payment method or the details of a card.');
  if (!profile && !input.billingProfile && needsCard) {
    throw new AppError('billing_profile_required', 'Give a billing profile or the details to create one.');
  }
  // new details go to their provider only: what comes back is a token and what may be shown of them
  const added = given && (await saveNew(deps, given));
  const paymentMethod: PurchaseContext['paymentMethod'] = added
    ? { new: { orgId: actor.orgId, ownerId: actor.personId, ...added } }
    : card
      ? { id: card.id }
      : null;
  const used = added ?? card;
  return {
    paymentMethod,
    paymentMethodId: card?.id ?? null,
    source: used && { method: used.method, token: used.gatewayToken },
    card: used ? labelOf(used) : null,
  };
}

/**
 * Buys a subscription (or starts a trial) for the signed-in person and pays for it with their
 * card. Nothing is created unless the charge succeeds; the request's idempotency key names the
 * purchase, so that a retried request charges once.
 */
export async function buySubscription(
  deps: Deps,
  { actor, input, idempotencyKey }: BuySubscription,
): Promise<SubscriptionOut> {
  assertCanChange(actor, 'buy');
  const org = (await findOrganization(deps.db, actor.orgId))!;
  const existingProfile = input.billingProfileId
    ? await findBillingProfile(deps.db, actor.orgId, actor.personId, input.billingProfileId)
    : undefined;
  if (input.billingProfileId && !existingProfile) throw notFound('The billing profile');
  const currency = existingProfile?.currency ?? input.billingProfile?.currency ?? org.currency;
  const { product, selfService, trial, needsCard, unitPrice } = await eligibleProduct(deps, actor, input, currency);
  const country = existingProfile?.country ?? input.billingProfile?.country ?? org.country;
  const taxRateBp = await billingTaxRate(deps.db, country);
  const pay = await paymentOf(deps, actor, input, existingProfile, needsCard);

  const now = deps.clock.now();
  const id = randomUUID();
  const end = trial ? addDays(now, product.trialDays) : termEnd(now, input.term);
  const totals = totalsOf(termPrice(unitPrice, input.term) * input.quantity, taxRateBp);
  const newProfile: NewProfile | undefined = input.billingProfile && {
    orgId: actor.orgId,
    ownerId: actor.personId,
    name: input.billingProfile.name,
    address: input.billingProfile.address,
    country: input.billingProfile.country,
    currency,
    invoiceEmail: input.billingProfile.invoiceEmail ?? null,
  };
  const profile = existingProfile ?? newProfile;
  const context: PurchaseContext = {
    subscription: {
      id,
      orgId: actor.orgId,
      productId: product.id,
      buyerId: actor.personId,
      billingProfileId: null,
      selfService,
      status: trial ? 'trial' : 'active',
      term: input.term,
      quantity: input.quantity,
      unitPrice,
      currency,
      termStart: now.toISOString(),
      termEnd: end.toISOString(),
      autoRenew: true,
      startedAsTrial: trial,
    },
    paymentMethod: pay.paymentMethod,
    billingProfile: existingProfile ? { id: existingProfile.id } : newProfile ? { new: newProfile } : null,
    invoice:
      trial || !profile
        ? null
        : invoiceOf(actor, product, input, { id, now, end, currency, unitPrice, totals, profile, existingProfile }),
    card: pay.card,
  };
  try {
    if (trial || totals.total === 0) {
      await deps.db.transaction((tx) => createPurchase(tx, context, now));
      return await getSubscription(deps, actor, id);
    }
    const key = `purchase:${actor.personId}:${idempotencyKey}`;
    const parts = await deps.db.transaction((tx) =>
      startOperation(
        tx,
        {
          orgId: actor.orgId,
          subscriptionId: id,
          key,
          purpose: 'purchase',
          currency,
          licenses: input.quantity,
          term: { start: now, end },
          periodStart: now,
          parts: [
            { kind: 'charge', amount: totals.total, ...pay.source!, paymentMethodId: pay.paymentMethodId, context },
          ],
        },
        now,
        { markSubscription: false },
      ),
    );
    assertPaid(await settle(deps, parts));
    // a retry after a lost answer completes the first attempt's purchase
    return await getSubscription(deps, actor, parts[0]!.subscriptionId ?? id);
  } catch (err) {
    if (isUniqueViolation(err, 'subscriptions_one_trial_key')) {
      throw new AppError('trial_already_used', `You already had a trial of ${product.name}.`);
    }
    throw err;
  }
}

function invoiceOf(
  actor: Actor,
  product: Product,
  input: BuyInput,
  p: {
    id: string;
    now: Date;
    end: Date;
    currency: Currency;
    unitPrice: number;
    totals: ReturnType<typeof totalsOf>;
    profile: NewProfile | BillingProfile;
    existingProfile?: BillingProfile | undefined;
  },
) {
  return draftInvoice({
    kind: 'invoice',
    ownerId: actor.personId,
    subscriptionId: p.id,
    billingProfileId: p.existingProfile?.id ?? null,
    billingSnapshot: snapshotOf(p.profile),
    periodStart: p.now,
    periodEnd: p.end,
    currency: p.currency,
    totals: p.totals,
    line: {
      productId: product.id,
      description: `${product.name} (${input.term})`,
      quantity: input.quantity,
      unitPrice: termPrice(p.unitPrice, input.term),
      amount: p.totals.subtotal,
    },
  });
}
