import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { notFound } from '../../domain/errors.js';
import { listPurchases } from './list-purchases.js';

export async function getPurchase(deps: Deps, actor: Actor, id: string) {
  const {
    items: [purchase],
  } = await listPurchases(deps, actor, { id, limit: 1 });
  if (!purchase) throw notFound('The self-service purchase');
  return purchase;
}
