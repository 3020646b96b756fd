import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { deleteDomain } from '../../db/domains.js';
import { recordAuditBy } from '../audit.js';
import { notFound } from '../../domain/errors.js';
import { requireUserAdmin } from '../people/access.js';
import { parseDomain } from './claims.js';

/** Gives up a domain: its addresses no longer go to the organization's identity provider. */
export async function removeDomain(deps: Deps, actor: Actor, input: { domain: string }): Promise<void> {
  requireUserAdmin(actor);
  const domain = parseDomain(input.domain);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    if (!(await deleteDomain(tx, actor.orgId, domain))) throw notFound('The domain');
    await recordAuditBy(tx, now, actor, {
      action: 'domain.removed',
      objectType: 'domain',
      objectId: domain,
    });
  });
}
