import type { Deps } from '../deps.js';
import { issuerOf, tenantOf } from './issue-token.js';
import { SIGNING_ALG } from './signing-key.js';

/**
 * The OpenID Provider metadata Microsoft's authentication library reads before asking for a
 * token (it needs the four endpoints named; only client credentials are granted here).
 */
export async function openidConfiguration(deps: Deps, tenant: string, baseUrl: string) {
  const org = await tenantOf(deps, tenant, 'invalid_tenant');
  const at = `${baseUrl}/${org.id}`;
  return {
    issuer: issuerOf(baseUrl, org.id),
    authorization_endpoint: `${at}/oauth2/v2.0/authorize`,
    token_endpoint: `${at}/oauth2/v2.0/token`,
    jwks_uri: `${at}/discovery/v2.0/keys`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
    grant_types_supported: ['client_credentials'],
    response_types_supported: [],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: [SIGNING_ALG],
    scopes_supported: [],
    claims_supported: ['aud', 'iss', 'iat', 'nbf', 'exp', 'sub', 'tid', 'appid', 'azp', 'oid', 'roles', 'idtyp', 'ver'],
    request_uri_parameter_supported: false,
  };
}
