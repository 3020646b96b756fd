import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { listBillingProfiles } from '../../db/billing-profiles.js';
import { present } from './profile-view.js';

export async function listMyBillingProfiles(deps: Deps, actor: Actor) {
  const profiles = await listBillingProfiles(deps.db, actor.orgId, actor.personId);
  return { items: await Promise.all(profiles.map((bp) => present(deps, actor, bp))) };
}
