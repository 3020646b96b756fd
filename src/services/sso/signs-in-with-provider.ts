import type { Queryable } from '../../db/database.js';
import { findProviderForDomain } from '../../db/identity-providers.js';
import { domainOfEmail } from '../../domain/domains.js';

/** Whether this address of the organization signs in through its identity provider (not with a password). */
export async function signsInWithProvider(db: Queryable, orgId: string, email: string): Promise<boolean> {
  const domain = domainOfEmail(email);
  return !!domain && (await findProviderForDomain(db, domain))?.orgId === orgId;
}
