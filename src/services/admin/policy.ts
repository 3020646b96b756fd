import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { listPolicies } from '../../db/admin.js';
import { findPolicy, upsertPolicy, type SelfServicePolicy } from '../../db/policies.js';
import { findProduct } from '../../db/products.js';
import { recordAuditBy } from '../audit.js';
import { AppError, notFound } from '../../domain/errors.js';
import { requireAdminReader, requireManager } from './access.js';

export async function getPolicies(deps: Deps, actor: Actor) {
  requireAdminReader(actor);
  return { items: await listPolicies(deps.db, actor.orgId) };
}

/** Like AllowSelfServicePurchase: applies to purchases and trials from now on, never to existing subscriptions. */
export async function setPolicy(
  deps: Deps,
  { actor, productId, value }: { actor: Actor; productId: string; value: SelfServicePolicy },
) {
  requireManager(actor);
  const product = await findProduct(deps.db, productId, 'EUR');
  if (!product) throw notFound('The product');
  if (!product.selfServiceEligible)
    throw new AppError('not_self_service_eligible', `${product.name} cannot be bought by self-service anyway.`);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const before = await findPolicy(tx, actor.orgId, productId);
    await upsertPolicy(tx, actor.orgId, productId, value, actor.personId, now);
    await recordAuditBy(tx, now, actor, {
      action: 'policy.changed',
      objectType: 'product',
      objectId: productId,
      details: { from: before, to: value },
    });
  });
  return { productId, productName: product.name, value, updatedAt: now };
}
