import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { notFound } from '../../domain/errors.js';
import { findPaymentMethod, type PaymentMethod } from '../../db/payment-methods.js';

export async function own(deps: Deps, actor: Actor, id: string): Promise<PaymentMethod> {
  const pm = await findPaymentMethod(deps.db, actor.orgId, actor.personId, id);
  if (!pm) throw notFound('The payment method');
  return pm;
}
