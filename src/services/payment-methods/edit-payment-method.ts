import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { AppError } from '../../domain/errors.js';
import { updatePaymentMethod, type Address } from '../../db/payment-methods.js';
import { recordAuditBy } from '../audit.js';
import { methodOf } from '../payments/methods/index.js';
import { own } from './access.js';
import { assertCanChange } from '../../domain/roles.js';
import { masked } from './masked-card.js';

/**
 * The guide's "Modifier": security code, expiry, name on card, address. A new expiry or
 * security code is checked with the method's provider again; the code itself goes no further.
 */
export async function editPaymentMethod(
  deps: Deps,
  actor: Actor,
  id: string,
  c: { cvc?: string; expMonth?: number; expYear?: number; nameOnCard?: string; address?: Address },
) {
  assertCanChange(actor);
  const pm = await own(deps, actor, id);
  if ((c.expMonth === undefined) !== (c.expYear === undefined)) {
    throw new AppError('invalid_expiry_date', 'Give both the expiration month and year.');
  }
  await methodOf(pm.method).checkEdit(deps, pm, { cvc: c.cvc, expMonth: c.expMonth, expYear: c.expYear });
  const now = deps.clock.now();
  const updated = await deps.db.transaction(async (tx) => {
    const row = await updatePaymentMethod(
      tx,
      actor.orgId,
      id,
      { expMonth: c.expMonth, expYear: c.expYear, nameOnCard: c.nameOnCard, address: c.address },
      now,
    );
    await recordAuditBy(tx, now, actor, {
      action: 'payment_method.updated',
      objectType: 'payment_method',
      objectId: id,
      details: { fields: Object.keys(c).filter((k) => k !== 'cvc') },
    });
    return row;
  });
  return masked(updated, now);
}
