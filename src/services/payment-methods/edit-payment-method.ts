import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { updatePaymentMethod, type Address } from '../../db/payment-methods.js';
import { recordAuditBy } from '../audit.js';
import { editOf, type EditDetails } from '../payments/methods/index.js';
import { own } from './access.js';
import { assertCanChange } from '../../domain/roles.js';
import { masked } from './shown.js';

/**
 * The guide's "Modifier": the address, and the details of the method's own way to pay (a card's
 * security code, expiry and name on card), checked by that way to pay before anything is stored.
 */
export async function editPaymentMethod(deps: Deps, actor: Actor, id: string, c: EditDetails & { address?: Address }) {
  assertCanChange(actor);
  const pm = await own(deps, actor, id);
  const change = await editOf(deps, pm, c);
  const now = deps.clock.now();
  const changed = { ...change, address: c.address };
  const updated = await deps.db.transaction(async (tx) => {
    const row = await updatePaymentMethod(tx, actor.orgId, id, changed, now);
    await recordAuditBy(tx, now, actor, {
      action: 'payment_method.updated',
      objectType: 'payment_method',
      objectId: id,
      // what changed, never the security code (a check, not a change)
      details: { fields: Object.keys(changed).filter((k) => changed[k as keyof typeof changed] !== undefined) },
    });
    return row;
  });
  return masked(updated, now);
}
