import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { notFound } from '../../domain/errors.js';
import { findBillingProfile, type BillingProfile } from '../../db/billing-profiles.js';

export async function own(deps: Deps, actor: Actor, id: string): Promise<BillingProfile> {
  const bp = await findBillingProfile(deps.db, actor.orgId, actor.personId, id);
  if (!bp) throw notFound('The billing profile');
  return bp;
}
