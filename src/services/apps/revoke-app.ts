import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { revokeApp as revokeRow } from '../../db/apps.js';
import { requireUserAdmin } from '../people/access.js';
import { revokeCredential } from '../auth/bearer-tokens.js';

/** Revoked at once: no new token, and the tokens it holds are refused from the next request. */
export async function revokeApp(deps: Deps, actor: Actor, id: string): Promise<void> {
  requireUserAdmin(actor);
  await revokeCredential(deps, actor, id, { type: 'app', what: 'The app', revoke: revokeRow });
}
