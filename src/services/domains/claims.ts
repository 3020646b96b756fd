import { randomBytes } from 'node:crypto';
import type { Queryable } from '../../db/database.js';
import { isUniqueViolation } from '../../db/database.js';
import { claimDomain, findDomain, findVerifiedDomainOwner, markDomainVerified, type Domain } from '../../db/domains.js';
import { recordAudit } from '../../db/audit.js';
import { AppError } from '../../domain/errors.js';
import { normalizeDomain, TXT_PREFIX } from '../../domain/domains.js';

/** A domain as the API shows it, with the TXT record that would verify it. */
export const domainView = (d: Domain) => ({
  domain: d.domain,
  verified: d.verifiedAt !== null,
  verifiedAt: d.verifiedAt,
  verifiedBy: d.verifiedBy,
  txtRecord: { name: d.domain, value: TXT_PREFIX + d.verificationToken },
});

export function parseDomain(input: string): string {
  const domain = normalizeDomain(input);
  if (!domain) throw new AppError('invalid_domain', `"${input}" is not a domain name such as contoso.com.`);
  return domain;
}

/** Claims the domain for the organization (again: no change) and audits a new claim. */
export async function claim(
  tx: Queryable,
  now: Date,
  orgId: string,
  domain: string,
  actorId: string | null,
): Promise<Domain> {
  const { created, ...claimed } = await claimDomain(tx, orgId, domain, randomBytes(16).toString('hex'), now);
  if (created) {
    await recordAudit(tx, now, {
      orgId,
      actorId,
      action: 'domain.claimed',
      objectType: 'domain',
      objectId: domain,
      details: actorId ? {} : { by: 'operator' },
    });
  }
  return claimed;
}

/** Marks a claim verified; refused when another organization has the domain verified. */
export async function verify(
  tx: Queryable,
  now: Date,
  orgId: string,
  domain: string,
  by: 'operator' | 'dns',
  actorId: string | null,
): Promise<Domain> {
  const owner = await findVerifiedDomainOwner(tx, domain);
  if (owner && owner !== orgId) throw domainTaken(domain);
  try {
    const verified = await markDomainVerified(tx, orgId, domain, by, now);
    if (!verified) return (await findDomain(tx, orgId, domain))!;
    await recordAudit(tx, now, {
      orgId,
      actorId,
      action: 'domain.verified',
      objectType: 'domain',
      objectId: domain,
      details: { by },
    });
    return verified;
  } catch (err) {
    if (isUniqueViolation(err, 'organization_domains_verified_key')) throw domainTaken(domain);
    throw err;
  }
}

const domainTaken = (domain: string) =>
  new AppError(
    'domain_taken',
    `${domain} is verified by another organization already; a domain belongs to one organization at most.`,
  );
