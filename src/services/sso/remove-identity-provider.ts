import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { notFound } from '../../domain/errors.js';
import { deleteIdentityProvider } from '../../db/identity-providers.js';
import { recordAuditBy } from '../audit.js';
import { requireUserAdmin } from '../people/access.js';

/** Disconnects the provider: its people sign in with a password again (an admin resets it). */
export async function removeIdentityProvider(deps: Deps, actor: Actor): Promise<void> {
  requireUserAdmin(actor);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    if (!(await deleteIdentityProvider(tx, actor.orgId))) throw notFound('The identity provider');
    await recordAuditBy(tx, now, actor, {
      action: 'identity_provider.removed',
      objectType: 'identity_provider',
      objectId: actor.orgId,
    });
  });
}
