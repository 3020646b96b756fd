import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { notFound } from '../../domain/errors.js';
import { revokeApp as revoke } from '../../db/apps.js';
import { recordAuditBy } from '../audit.js';
import { requireUserAdmin } from '../people/access.js';

/** Revoked at once: no new token, and the tokens it holds are refused from the next request. */
export async function revokeApp(deps: Deps, actor: Actor, id: string): Promise<void> {
  requireUserAdmin(actor);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    if (!(await revoke(tx, actor.orgId, id, now))) throw notFound('The app');
    await recordAuditBy(tx, now, actor, {
      action: 'app.revoked',
      objectType: 'app',
      objectId: id,
    });
  });
}
