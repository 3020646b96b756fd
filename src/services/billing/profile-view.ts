import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { subscriptionsBilledTo, type BillingProfile } from '../../db/billing-profiles.js';
import { findPaymentMethod } from '../../db/payment-methods.js';
import { masked } from '../payment-methods/shown.js';

export async function present(deps: Deps, actor: Actor, bp: BillingProfile) {
  const pm = bp.paymentMethodId
    ? await findPaymentMethod(deps.db, actor.orgId, actor.personId, bp.paymentMethodId)
    : undefined;
  return {
    id: bp.id,
    name: bp.name,
    address: bp.address,
    country: bp.country,
    currency: bp.currency,
    invoiceEmail: bp.invoiceEmail,
    vatNumber: bp.vatNumber ?? null,
    paymentMethod: pm ? masked(pm, deps.clock.now()) : null,
    subscriptions: await subscriptionsBilledTo(deps.db, actor.orgId, bp.id),
  };
}
