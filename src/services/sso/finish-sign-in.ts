import * as oidc from 'openid-client';
import type { Deps } from '../deps.js';
import type { Queryable } from '../../db/database.js';
import { isUniqueViolation } from '../../db/database.js';
import { findIdentityProvider, type IdentityProvider } from '../../db/identity-providers.js';
import { useSsoRequest } from '../../db/sso-requests.js';
import {
  findPersonByEmail,
  findPersonBySsoSubject,
  insertPeople,
  setSsoSubject,
  type Person,
} from '../../db/people.js';
import { findVerifiedDomainOwner } from '../../db/domains.js';
import { recordAudit } from '../../db/audit.js';
import { domainOfEmail } from '../../domain/domains.js';
import { hashSecret } from '../auth/tokens.js';
import { openSession } from '../auth/sign-in.js';
import { providerConfiguration, rememberKeys } from './provider-configuration.js';

/** Why a sign-in through the provider was refused; the sign-in page explains each code. */
export class SsoRefusal extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Who the person is at the provider: Microsoft Entra ID's object id within its tenant (stable
 * across applications, where `sub` is per application), else the issuer's subject.
 */
const subjectOf = (claims: oidc.IDToken) =>
  typeof claims.tid === 'string' && typeof claims.oid === 'string' ? `${claims.tid}/${claims.oid}` : claims.sub;

/** The address the provider vouches for: `email` (refused when it says unverified), else Entra's upn or preferred_username. */
function emailOf(claims: oidc.IDToken): string | undefined {
  if (claims.email_verified === false)
    throw new SsoRefusal('sso_email_unverified', 'The identity provider says this e-mail address is not verified.');
  const email = [claims.email, claims.upn, claims.preferred_username].find(
    (v) => typeof v === 'string' && v.includes('@'),
  ) as string | undefined;
  return email?.toLowerCase();
}

/** The person for these claims: by subject, else by e-mail in one of the organization's verified domains, else created (just-in-time) when allowed. */
async function findOrCreate(
  tx: Queryable,
  now: Date,
  provider: IdentityProvider,
  claims: oidc.IDToken,
): Promise<Person> {
  const subject = subjectOf(claims);
  const linked = await findPersonBySsoSubject(tx, provider.orgId, subject);
  if (linked) return linked;
  const email = emailOf(claims);
  const domain = email && domainOfEmail(email);
  if (!email || !domain || (await findVerifiedDomainOwner(tx, domain)) !== provider.orgId) {
    throw new SsoRefusal(
      'sso_domain_mismatch',
      `The provider signed in ${email ?? 'someone without an e-mail address'}, outside your organization's verified domains.`,
    );
  }
  const existing = await findPersonByEmail(tx, provider.orgId, email);
  if (existing) {
    await setSsoSubject(tx, provider.orgId, existing.id, subject);
    return existing;
  }
  if (!provider.jitProvisioning)
    throw new SsoRefusal('sso_not_provisioned', `${email} has no account here yet: ask your admin to add you.`);
  const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim().slice(0, 256) : email;
  const [created] = await insertPeople(tx, provider.orgId, [{ displayName: name, email }]);
  await setSsoSubject(tx, provider.orgId, created!.id, subject);
  await recordAudit(tx, now, {
    orgId: provider.orgId,
    actorId: null,
    action: 'person.created',
    objectType: 'person',
    objectId: created!.id,
    details: { via: 'sso_jit', email },
  });
  return created!;
}

/**
 * The provider's answer: the state must be the one this browser was given (and is used up),
 * the code is redeemed with the PKCE verifier, and openid-client validates the ID token
 * (signature, issuer, audience, expiry, nonce). Then the person is found and a session opened.
 */
export async function finishSignIn(deps: Deps, input: { callbackUrl: URL; browserState: string | undefined }) {
  const state = input.callbackUrl.searchParams.get('state');
  const now = deps.clock.now();
  if (!state || state !== input.browserState)
    throw new SsoRefusal('sso_state_invalid', "The sign-in answer does not belong to this browser's sign-in.");
  const request = await useSsoRequest(deps.db, hashSecret(state), now);
  if (!request) throw new SsoRefusal('sso_state_invalid', 'This sign-in answer was used already or came too late.');
  const provider = await findIdentityProvider(deps.db, request.orgId);
  if (!provider) throw new SsoRefusal('sso_state_invalid', 'The organization no longer signs in with this provider.');
  const config = await providerConfiguration(deps, provider);
  let claims: oidc.IDToken;
  try {
    const tokens = await oidc.authorizationCodeGrant(config, input.callbackUrl, {
      pkceCodeVerifier: request.codeVerifier,
      expectedState: state,
      expectedNonce: request.nonce,
      idTokenExpected: true,
    });
    claims = tokens.claims()!;
    rememberKeys(deps, provider.issuer, config);
  } catch (err) {
    throw new SsoRefusal('sso_token_invalid', `The identity provider's answer was refused: ${(err as Error).message}`);
  }
  return deps.db.transaction(async (tx) => {
    const person = await findOrCreate(tx, now, provider, claims).catch((err: unknown) => {
      if (isUniqueViolation(err))
        throw new SsoRefusal('sso_not_provisioned', 'This identity is linked to someone else here.');
      throw err;
    });
    if (person.status !== 'active')
      throw new SsoRefusal('sso_person_disabled', `${person.email} is disabled here: ask your admin.`);
    return { ...(await openSession(tx, now, person, 'sso')), person };
  });
}
