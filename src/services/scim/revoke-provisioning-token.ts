import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { revokeScimToken } from '../../db/scim-tokens.js';
import { requireUserAdmin } from '../people/access.js';
import { revokeCredential } from '../auth/bearer-tokens.js';

/** Revoked at once: the next request with it is refused. */
export async function revokeProvisioningToken(deps: Deps, actor: Actor, id: string): Promise<void> {
  requireUserAdmin(actor);
  await revokeCredential(deps, actor, id, {
    type: 'scim_token',
    what: 'The provisioning token',
    revoke: revokeScimToken,
  });
}
