import type { Deps } from '../deps.js';
import { findProviderForDomain } from '../../db/identity-providers.js';
import { domainOfEmail } from '../../domain/domains.js';

/**
 * The sign-in page asks for the e-mail first: an address in a verified domain of an
 * organization with an identity provider goes there; any other gets the password form.
 */
export async function discoverSignIn(
  deps: Deps,
  email: string,
): Promise<{ method: 'password' } | { method: 'sso'; url: string }> {
  const domain = domainOfEmail(email.trim().toLowerCase());
  const provider = domain ? await findProviderForDomain(deps.db, domain) : undefined;
  if (!provider) return { method: 'password' };
  return { method: 'sso', url: `/api/sso/start?${new URLSearchParams({ email: email.trim().toLowerCase() })}` };
}
