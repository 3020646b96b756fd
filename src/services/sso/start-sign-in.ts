import * as oidc from 'openid-client';
import type { Deps } from '../deps.js';
import { AppError } from '../../domain/errors.js';
import { findProviderForDomain } from '../../db/identity-providers.js';
import { insertSsoRequest } from '../../db/sso-requests.js';
import { domainOfEmail } from '../../domain/domains.js';
import { hashSecret } from '../auth/tokens.js';
import { providerConfiguration } from './provider-configuration.js';
import { redirectUriFor } from './redirect-uri.js';

export const SSO_REQUEST_MS = 10 * 60_000;

/**
 * Sends the person to their organization's provider: authorization code flow with PKCE (S256),
 * a state bound to this browser by a cookie and a nonce bound to the ID token. Only the state
 * leaves in the browser; the verifier and the nonce stay here.
 */
export async function startSignIn(
  deps: Deps,
  email: string,
  publicUrl: string,
): Promise<{ redirectTo: string; state: string }> {
  const domain = domainOfEmail(email);
  const provider = domain ? await findProviderForDomain(deps.db, domain) : undefined;
  if (!provider) throw new AppError('sso_not_configured', 'This address does not sign in with an identity provider.');
  const config = await providerConfiguration(deps, provider);
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const now = deps.clock.now();
  await insertSsoRequest(deps.db, {
    stateHash: hashSecret(state),
    orgId: provider.orgId,
    codeVerifier,
    nonce,
    now,
    expiresAt: new Date(now.getTime() + SSO_REQUEST_MS),
  });
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUriFor(publicUrl),
    scope: 'openid email profile',
    response_type: 'code',
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    login_hint: email,
  });
  return { redirectTo: url.href, state };
}
