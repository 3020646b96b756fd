import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { assertCanChange } from '../../domain/roles.js';
import { notFound } from '../../domain/errors.js';
import { updateBillingProfile } from '../../db/billing-profiles.js';
import { lockPaymentMethod } from '../../db/payment-methods.js';
import { recordAuditBy } from '../audit.js';
import { chosenMethod } from '../payment-methods/add-payment-method.js';
import type { NewDetails } from '../payments/methods/index.js';
import { own } from './access.js';
import { getBillingProfile } from './get-billing-profile.js';

/** The guide's "Remplacer": another saved card or a new one pays the profile's next charges. */
export async function replacePaymentMethod(
  deps: Deps,
  { actor, id, input }: { actor: Actor; id: string; input: NewDetails & { paymentMethodId?: string } },
) {
  assertCanChange(actor);
  await own(deps, actor, id);
  const pm = await chosenMethod(deps, actor, input);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    // a card being removed at this moment is either gone (404) or waits for this one (then in use)
    if (!(await lockPaymentMethod(tx, actor.orgId, actor.personId, pm.id, 'share')))
      throw notFound('The payment method');
    await updateBillingProfile(tx, actor.orgId, id, { paymentMethodId: pm.id }, now);
    await recordAuditBy(tx, now, actor, {
      action: 'billing_profile.payment_method_replaced',
      objectType: 'billing_profile',
      objectId: id,
      details: { paymentMethodId: pm.id },
    });
  });
  return getBillingProfile(deps, actor, id);
}
