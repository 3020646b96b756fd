import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { listApps as list } from '../../db/apps.js';
import { requireAdminReader } from '../admin/access.js';

/** The organization's live apps, for its admins; never their secrets. */
export async function listApps(deps: Deps, actor: Actor) {
  requireAdminReader(actor);
  return (await list(deps.db, actor.orgId)).map((a) => ({ ...a, clientId: a.id }));
}
