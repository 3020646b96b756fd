import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { requireUserAdmin } from '../people/access.js';
import { claim, domainView, parseDomain } from './claims.js';

/** An admin claims an e-mail domain; it counts once the TXT record shown is published and verified. */
export async function claimDomain(deps: Deps, actor: Actor, input: { domain: string }) {
  requireUserAdmin(actor);
  const domain = parseDomain(input.domain);
  const now = deps.clock.now();
  return domainView(await deps.db.transaction((tx) => claim(tx, now, actor.orgId, domain, actor.personId)));
}
