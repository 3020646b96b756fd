import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import type { Term } from '../../domain/subscription.js';
import { findProduct } from '../../db/products.js';
import { findOrganization } from '../../db/organizations.js';
import { findBillingProfile } from '../../db/billing-profiles.js';
import { billingTaxRate } from '../billing/tax-rate.js';
import { AppError, notFound } from '../../domain/errors.js';
import { termPrice, totalsOf } from '../../domain/pricing.js';
import { termEnd } from '../../domain/term.js';

/** What a purchase would cost, tax included, before the person confirms it. */
export async function quotePurchase(
  deps: Deps,
  actor: Actor,
  q: { productId: string; quantity: number; term: Term; country?: string; billingProfileId?: string },
) {
  const org = (await findOrganization(deps.db, actor.orgId))!;
  const profile = q.billingProfileId
    ? await findBillingProfile(deps.db, actor.orgId, actor.personId, q.billingProfileId)
    : undefined;
  if (q.billingProfileId && !profile) throw notFound('The billing profile');
  const currency = profile?.currency ?? org.currency;
  const product = await findProduct(deps.db, q.productId, currency);
  if (!product) throw notFound('The product');
  const unitPrice = product.prices[q.term];
  if (unitPrice == null)
    throw new AppError('price_unavailable', `${product.name} has no ${q.term} price in ${currency}.`);
  const totals = totalsOf(
    termPrice(unitPrice, q.term) * q.quantity,
    await billingTaxRate(deps.db, profile?.country ?? q.country ?? org.country),
  );
  const m = (amount: number) => ({ amount, currency });
  const now = deps.clock.now();
  return {
    productId: product.id,
    quantity: q.quantity,
    term: q.term,
    price: m(unitPrice),
    termPrice: m(termPrice(unitPrice, q.term)),
    subtotal: m(totals.subtotal),
    taxRateBp: totals.taxRateBp,
    tax: m(totals.tax),
    total: m(totals.total),
    termStart: now,
    termEnd: termEnd(now, q.term),
    trialDays: product.trialDays,
  };
}
