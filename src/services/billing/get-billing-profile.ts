import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { own } from './access.js';
import { present } from './profile-view.js';

export async function getBillingProfile(deps: Deps, actor: Actor, id: string) {
  return present(deps, actor, await own(deps, actor, id));
}
