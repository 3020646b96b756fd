import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { findOrganization } from '../../db/organizations.js';
import { listProducts as query } from '../../db/products.js';

/** The catalog with prices in the currency of the caller's organization. */
export async function listProducts(deps: Deps, actor: Actor) {
  const org = await findOrganization(deps.db, actor.orgId);
  return { currency: org!.currency, products: await query(deps.db, org!.currency) };
}
