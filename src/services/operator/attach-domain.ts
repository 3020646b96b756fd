import type { Deps } from '../deps.js';
import { findOrganization } from '../../db/organizations.js';
import { notFound } from '../../domain/errors.js';
import { claim, domainView, parseDomain, verify } from '../domains/claims.js';

/** The operator attaches an e-mail domain to an organization, verified by them or left for a DNS check. */
export async function attachDomain(deps: Deps, orgId: string, input: { domain: string; verified: boolean }) {
  const domain = parseDomain(input.domain);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    if (!(await findOrganization(tx, orgId))) throw notFound('The organization');
    const claimed = await claim(tx, now, orgId, domain, null);
    return domainView(input.verified ? await verify(tx, now, orgId, domain, 'operator', null) : claimed);
  });
}
