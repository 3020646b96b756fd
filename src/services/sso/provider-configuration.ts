import * as oidc from 'openid-client';
import type { Deps } from '../deps.js';
import type { IdentityProvider } from '../../db/identity-providers.js';
import { AppError } from '../../domain/errors.js';

const CACHE_MS = 10 * 60_000;

/** Plain http only for a provider on this machine (a development Keycloak, the tests' provider). */
const isLoopback = (url: URL) => url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);

/**
 * The openid-client configuration of an organization's provider: its discovery document is
 * kept ten minutes (in `deps.providers`, when set); the client checks tokens' times against our
 * clock (deps.clock).
 */
export async function providerConfiguration(
  deps: Deps,
  provider: Pick<IdentityProvider, 'issuer' | 'clientId' | 'clientSecret'>,
): Promise<oidc.Configuration> {
  const issuer = new URL(provider.issuer);
  if (issuer.protocol !== 'https:' && !isLoopback(issuer))
    throw new AppError('issuer_not_https', 'The issuer must be an https:// address.');
  const skew = Math.round((deps.clock.now().getTime() - Date.now()) / 1000);
  const metadata = { client_secret: provider.clientSecret, [oidc.clockSkew]: skew };
  let cached = deps.providers?.get(provider.issuer);
  if (!cached || Date.now() - cached.at > CACHE_MS) {
    const discovered = await oidc
      .discovery(
        issuer,
        provider.clientId,
        metadata,
        undefined,
        isLoopback(issuer) ? { execute: [oidc.allowInsecureRequests] } : undefined,
      )
      .catch((err: unknown) => {
        const reason = err instanceof Error ? err.message : String(err);
        throw new AppError(
          'issuer_unreachable',
          `The OpenID configuration of ${provider.issuer} could not be read: ${reason}`,
        );
      });
    cached = { at: Date.now(), metadata: discovered.serverMetadata() };
    deps.providers?.set(provider.issuer, cached);
  }
  const config = new oidc.Configuration(cached.metadata, provider.clientId, metadata);
  if (isLoopback(issuer)) oidc.allowInsecureRequests(config);
  if (cached.jwks) oidc.setJwksCache(config, cached.jwks);
  return config;
}

/** Keeps the provider's signing keys fetched while validating, for the next sign-in. */
export function rememberKeys(deps: Deps, issuer: string, config: oidc.Configuration): void {
  const cached = deps.providers?.get(issuer);
  const jwks = oidc.getJwksCache(config);
  if (cached && jwks) cached.jwks = jwks;
}
