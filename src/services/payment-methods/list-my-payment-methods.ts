import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { listPaymentMethods } from '../../db/payment-methods.js';
import { masked } from './shown.js';

export async function listMyPaymentMethods(deps: Deps, actor: Actor) {
  const now = deps.clock.now();
  return { items: (await listPaymentMethods(deps.db, actor.orgId, actor.personId)).map((pm) => masked(pm, now)) };
}
