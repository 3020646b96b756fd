import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { AppError, notFound } from '../../domain/errors.js';
import { insertPaymentMethod, type PaymentMethod } from '../../db/payment-methods.js';
import { recordAuditBy } from '../audit.js';
import { methodOf, newMethodIn, saveNew, type NewDetails, type NewMethod } from '../payments/methods/index.js';
import { own } from './access.js';
import { assertCanChange } from '../../domain/roles.js';
import { masked } from './shown.js';

/** Saves a new payment method once its provider has validated it (a card: tokenized and verified). */
async function addNewMethod(deps: Deps, actor: Actor, given: NewMethod): Promise<PaymentMethod> {
  assertCanChange(actor);
  const saved = await saveNew(deps, given);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const pm = await insertPaymentMethod(tx, { orgId: actor.orgId, ownerId: actor.personId, ...saved }, now);
    await recordAuditBy(tx, now, actor, {
      action: 'payment_method.added',
      objectType: 'payment_method',
      objectId: pm.id,
      details: methodOf(pm.method).describe(pm),
    });
    return pm;
  });
}

/** The guide's "Ajouter": a new card (or another way to pay, under its own member). */
export async function addPaymentMethod(deps: Deps, actor: Actor, given: NewDetails) {
  const method = newMethodIn(given);
  if (!method) throw new AppError('payment_method_required', 'Give the details of a payment method.');
  return masked(await addNewMethod(deps, actor, method), deps.clock.now());
}

/** What pays, as a request chose it: new details, saved now, or one of the caller's saved payment methods. */
export async function chosenMethod(
  deps: Deps,
  actor: Actor,
  { paymentMethodId, ...given }: NewDetails & { paymentMethodId?: string | undefined },
): Promise<PaymentMethod> {
  const added = newMethodIn(given);
  if (added) return addNewMethod(deps, actor, added);
  if (!paymentMethodId) throw notFound('The payment method');
  return own(deps, actor, paymentMethodId);
}
