import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { AppError, notFound } from '../../domain/errors.js';
import { countLiveSubscriptionsPaidWith, deletePaymentMethod, lockPaymentMethod } from '../../db/payment-methods.js';
import { recordAuditBy } from '../audit.js';
import { own } from './access.js';
import { assertCanChange } from '../../domain/roles.js';

export async function removePaymentMethod(deps: Deps, actor: Actor, id: string) {
  assertCanChange(actor);
  await own(deps, actor, id);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    // locked, no profile can take the card until it is gone; removed meanwhile, it is not found
    if (!(await lockPaymentMethod(tx, actor.orgId, actor.personId, id, 'update'))) throw notFound('The payment method');
    const live = await countLiveSubscriptionsPaidWith(tx, actor.orgId, id);
    if (live > 0) {
      throw new AppError(
        'payment_method_in_use',
        `This card pays for ${live} subscriptions: replace it in their billing profile first.`,
        { subscriptions: live },
      );
    }
    await deletePaymentMethod(tx, actor.orgId, id, now);
    await recordAuditBy(tx, now, actor, {
      action: 'payment_method.removed',
      objectType: 'payment_method',
      objectId: id,
    });
  });
}
