import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { forbidden, notFound } from '../../domain/errors.js';
import { canWrite } from '../../domain/roles.js';
import { findPaymentMethod, type PaymentMethod } from '../../db/payment-methods.js';

export function requireWriter(actor: Actor) {
  if (!canWrite(actor.role)) throw forbidden('read_only', 'Your role can read but not change anything.');
}

export async function own(deps: Deps, actor: Actor, id: string): Promise<PaymentMethod> {
  const pm = await findPaymentMethod(deps.db, actor.orgId, actor.personId, id);
  if (!pm) throw notFound('The payment method');
  return pm;
}
