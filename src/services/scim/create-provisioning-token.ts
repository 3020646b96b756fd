import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { insertScimToken } from '../../db/scim-tokens.js';
import { requireUserAdmin } from '../people/access.js';
import { createBearerToken } from '../auth/bearer-tokens.js';

/** A secret for a provisioning client (Entra ID, Okta) at /scim/v2: shown once, only its hash kept. */
export async function createProvisioningToken(deps: Deps, actor: Actor, input: { name: string }) {
  requireUserAdmin(actor);
  return createBearerToken(deps, actor, {
    type: 'scim_token',
    prefix: 'scim_',
    name: input.name,
    insert: (tx, tokenHash, now) =>
      insertScimToken(tx, { orgId: actor.orgId, name: input.name, tokenHash, createdBy: actor.personId, now }),
  });
}
