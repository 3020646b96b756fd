import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { listScimTokens } from '../../db/scim-tokens.js';
import { requireAdminReader } from '../admin/access.js';

export function listProvisioningTokens(deps: Deps, actor: Actor) {
  requireAdminReader(actor);
  return listScimTokens(deps.db, actor.orgId);
}
