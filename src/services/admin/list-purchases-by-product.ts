import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { purchasesByProduct } from '../../db/admin.js';
import { requireAdminReader } from './access.js';

export async function listPurchasesByProduct(deps: Deps, actor: Actor) {
  requireAdminReader(actor);
  return { items: await purchasesByProduct(deps.db, actor.orgId) };
}
