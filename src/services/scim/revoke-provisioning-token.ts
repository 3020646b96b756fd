import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { notFound } from '../../domain/errors.js';
import { revokeScimToken } from '../../db/scim-tokens.js';
import { recordAuditBy } from '../audit.js';
import { requireUserAdmin } from '../people/access.js';

/** Revoked at once: the next request with it is refused. */
export async function revokeProvisioningToken(deps: Deps, actor: Actor, id: string): Promise<void> {
  requireUserAdmin(actor);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    if (!(await revokeScimToken(tx, actor.orgId, id, now))) throw notFound('The provisioning token');
    await recordAuditBy(tx, now, actor, {
      action: 'scim_token.revoked',
      objectType: 'scim_token',
      objectId: id,
    });
  });
}
