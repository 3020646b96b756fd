import { Resolver } from 'node:dns/promises';
import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { findDomain } from '../../db/domains.js';
import { AppError, notFound } from '../../domain/errors.js';
import { TXT_PREFIX } from '../../domain/domains.js';
import { requireUserAdmin } from '../people/access.js';
import { domainView, parseDomain, verify } from './claims.js';

/** The TXT records at a name, each joined from its strings; none when the name has none or does not exist. */
async function txtRecords(servers: string[] | undefined, name: string): Promise<string[]> {
  const resolver = new Resolver({ timeout: 3000, tries: 2 });
  if (servers?.length) resolver.setServers(servers);
  try {
    return (await resolver.resolveTxt(name)).map((chunks) => chunks.join(''));
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ENOTFOUND' || code === 'ENODATA') return [];
    throw new AppError(
      'dns_unavailable',
      `The DNS lookup of ${name} failed (${code ?? 'error'}); try again in a few minutes.`,
    );
  }
}

/** Verifies an admin's claim by its TXT record, looked up with the configured DNS servers. */
export async function verifyDomain(deps: Deps, actor: Actor, input: { domain: string }) {
  requireUserAdmin(actor);
  const domain = parseDomain(input.domain);
  const claimed = await findDomain(deps.db, actor.orgId, domain);
  if (!claimed) throw notFound('The domain');
  if (!claimed.verifiedAt) {
    const expected = TXT_PREFIX + claimed.verificationToken;
    if (!(await txtRecords(deps.dnsServers, domain)).includes(expected)) {
      throw new AppError(
        'domain_not_verified',
        `No TXT record "${expected}" was found at ${domain}. DNS changes can take a while to appear.`,
        {
          txtRecord: { name: domain, value: expected },
        },
      );
    }
  }
  const now = deps.clock.now();
  return domainView(await deps.db.transaction((tx) => verify(tx, now, actor.orgId, domain, 'dns', actor.personId)));
}
