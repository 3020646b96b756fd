import { randomUUID, timingSafeEqual } from 'node:crypto';
import { SignJWT } from 'jose';
import type { Deps } from '../deps.js';
import { findAppCredential, type AppCredential } from '../../db/apps.js';
import { findOrganization } from '../../db/organizations.js';
import { isUuid } from '../../domain/cursor.js';
import { ACCESS_TOKEN_SECONDS, GRAPH_RESOURCES } from '../../domain/graph-permissions.js';
import { hashSecret } from '../auth/tokens.js';
import { OAuthError } from './oauth-error.js';
import { SIGNING_ALG, signingKeys } from './signing-key.js';

export interface TokenRequest {
  /** the organization in the path: Entra's tenant */
  tenant: string;
  grantType?: string | undefined;
  clientId?: string | undefined;
  clientSecret?: string | undefined;
  scope?: string | undefined;
  /** where this portal is reached: the issuer's and the accepted audience's base */
  baseUrl: string;
}

const missing = (name: string) =>
  new OAuthError(400, 'invalid_request', 900144, `The request body must contain the following parameter: '${name}'.`);

/** The issuer of an organization's tokens, as Entra ID names its v2.0 issuers. */
export const issuerOf = (baseUrl: string, orgId: string) => `${baseUrl}/${orgId}/v2.0`;

/** The apps a token may be presented to: Graph's names, which unmodified daemons ask for, and this portal's. */
export const audiencesOf = (baseUrl: string) => [...GRAPH_RESOURCES, baseUrl];

/**
 * OAuth 2.0 client credentials grant (RFC 6749 §4.4), as Entra ID answers it: the app proves
 * itself with its secret and gets an hour-long JWT whose roles are the permissions it was granted.
 */
export async function issueAppToken(deps: Deps, req: TokenRequest) {
  const org = isUuid(req.tenant) ? await findOrganization(deps.db, req.tenant) : undefined;
  if (!org) {
    throw new OAuthError(
      400,
      'invalid_request',
      90002,
      `Tenant '${req.tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
    );
  }
  if (!req.grantType) throw missing('grant_type');
  if (req.grantType !== 'client_credentials') {
    throw new OAuthError(
      400,
      'unsupported_grant_type',
      70003,
      `The app requested an unsupported grant type '${req.grantType}'.`,
    );
  }
  if (!req.clientId) throw missing('client_id');
  if (!req.scope) throw missing('scope');
  const resource = resourceOf(req.scope, req.baseUrl, org.name);
  const now = deps.clock.now();
  const app = isUuid(req.clientId)
    ? await findAppCredential(deps.db, org.id, req.clientId.toLowerCase(), now)
    : undefined;
  if (!app) {
    throw new OAuthError(
      400,
      'unauthorized_client',
      700016,
      `Application with identifier '${req.clientId}' was not found in the directory '${org.name}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
    );
  }
  if (!req.clientSecret)
    throw new OAuthError(
      401,
      'invalid_client',
      7000218,
      "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
    );
  if (!timingSafeEqual(hashSecret(req.clientSecret), app.secretHash)) {
    throw new OAuthError(
      401,
      'invalid_client',
      7000215,
      `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${app.id}'.`,
    );
  }
  if (!isLive(app))
    throw new OAuthError(400, 'unauthorized_client', 7000112, `Application '${app.id}'(${app.name}) is disabled.`);

  const keys = await signingKeys(deps);
  const iat = Math.floor(now.getTime() / 1000);
  const token = await new SignJWT({
    tid: org.id,
    appid: app.id,
    azp: app.id,
    oid: app.id,
    app_displayname: app.name,
    idtyp: 'app',
    roles: app.roles,
    ver: '2.0',
    uti: randomUUID(),
  })
    .setProtectedHeader({ alg: SIGNING_ALG, typ: 'JWT', kid: keys.kid })
    .setIssuer(issuerOf(req.baseUrl, org.id))
    .setAudience(resource)
    .setSubject(app.id)
    .setIssuedAt(iat)
    .setNotBefore(iat)
    .setExpirationTime(iat + ACCESS_TOKEN_SECONDS)
    .sign(keys.privateKey);
  return {
    token_type: 'Bearer',
    expires_in: ACCESS_TOKEN_SECONDS,
    ext_expires_in: ACCESS_TOKEN_SECONDS,
    access_token: token,
  };
}

/** An app works while it is not revoked and the admin it acts for is still an active admin. */
export const isLive = (app: AppCredential) =>
  !app.revoked && app.owner.status === 'active' && !app.owner.deleted && app.owner.role === 'admin';

/** The client credentials grant names one resource, as "{resource}/.default". */
function resourceOf(scope: string, baseUrl: string, orgName: string): string {
  const scopes = scope.trim().split(/\s+/);
  const resource =
    scopes.length === 1 && scopes[0]!.endsWith('/.default') ? scopes[0]!.slice(0, -'/.default'.length) : undefined;
  if (resource === undefined) {
    throw new OAuthError(
      400,
      'invalid_scope',
      1002012,
      `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
    );
  }
  const known = audiencesOf(baseUrl).find((a) => a.toLowerCase() === resource.replace(/\/$/, '').toLowerCase());
  if (!known) {
    throw new OAuthError(
      400,
      'invalid_resource',
      500011,
      `The resource principal named ${resource} was not found in the tenant named ${orgName}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`,
    );
  }
  return known;
}
