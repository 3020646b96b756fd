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
 * The organization a path names (Entra's tenant), or Entra's answer for an unknown one: as
 * `invalid_tenant` at discovery, `invalid_request` at the token endpoint.
 */
export async function tenantOf(deps: Deps, tenant: string, error: 'invalid_tenant' | 'invalid_request') {
  const org = isUuid(tenant) ? await findOrganization(deps.db, tenant) : undefined;
  if (!org) {
    throw new OAuthError(
      400,
      error,
      90002,
      `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
    );
  }
  return org;
}

/**
 * OAuth 2.0 client credentials grant (RFC 6749 §4.4), as Entra ID answers it: the app proves
 * itself with its secret and gets an hour-long JWT whose roles are the permissions it was granted.
 */
export async function issueAppToken(deps: Deps, req: TokenRequest) {
  const org = await tenantOf(deps, req.tenant, 'invalid_request');
  const { clientId, scope } = askedGrant(req);
  const resource = resourceOf(scope, req.baseUrl, org.name);
  const now = deps.clock.now();
  const app = await authenticatedApp(deps, org, { clientId, clientSecret: req.clientSecret }, now);
  return {
    token_type: 'Bearer',
    expires_in: ACCESS_TOKEN_SECONDS,
    ext_expires_in: ACCESS_TOKEN_SECONDS,
    access_token: await signAccessToken(deps, { orgId: org.id, app, resource, baseUrl: req.baseUrl, now }),
  };
}

/** The grant asked for: client credentials, for a client and a scope. */
function askedGrant(req: TokenRequest) {
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
  return { clientId: req.clientId, scope: req.scope };
}

/** The organization's app the client id names, proven by its secret and still live. */
async function authenticatedApp(
  deps: Deps,
  org: { id: string; name: string },
  client: { clientId: string; clientSecret: string | undefined },
  now: Date,
): Promise<AppCredential> {
  const app = isUuid(client.clientId)
    ? await findAppCredential(deps.db, org.id, client.clientId.toLowerCase(), now)
    : undefined;
  if (!app) {
    throw new OAuthError(
      400,
      'unauthorized_client',
      700016,
      `Application with identifier '${client.clientId}' was not found in the directory '${org.name}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
    );
  }
  if (!client.clientSecret)
    throw new OAuthError(
      401,
      'invalid_client',
      7000218,
      "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
    );
  if (!timingSafeEqual(hashSecret(client.clientSecret), app.secretHash)) {
    throw new OAuthError(
      401,
      'invalid_client',
      7000215,
      `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${app.id}'.`,
    );
  }
  if (!isLive(app))
    throw new OAuthError(400, 'unauthorized_client', 7000112, `Application '${app.id}'(${app.name}) is disabled.`);
  return app;
}

/** The hour-long access token, with the claims Entra ID puts in an app's token. */
async function signAccessToken(
  deps: Deps,
  t: { orgId: string; app: AppCredential; resource: string; baseUrl: string; now: Date },
) {
  const keys = await signingKeys(deps);
  const iat = Math.floor(t.now.getTime() / 1000);
  return new SignJWT({
    tid: t.orgId,
    appid: t.app.id,
    azp: t.app.id,
    oid: t.app.id,
    app_displayname: t.app.name,
    idtyp: 'app',
    roles: t.app.roles,
    ver: '2.0',
    uti: randomUUID(),
  })
    .setProtectedHeader({ alg: SIGNING_ALG, typ: 'JWT', kid: keys.kid })
    .setIssuer(issuerOf(t.baseUrl, t.orgId))
    .setAudience(t.resource)
    .setSubject(t.app.id)
    .setIssuedAt(iat)
    .setNotBefore(iat)
    .setExpirationTime(iat + ACCESS_TOKEN_SECONDS)
    .sign(keys.privateKey);
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
