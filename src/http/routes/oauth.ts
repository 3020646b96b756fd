import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Deps } from '../../services/deps.js';
import { issueAppToken } from '../../services/apps/issue-token.js';
import { openidConfiguration } from '../../services/apps/discovery.js';
import { jwks } from '../../services/apps/signing-key.js';
import { OAuthError } from '../../services/apps/oauth-error.js';
import { isUuid } from '../../domain/cursor.js';
import { publicUrlOf } from '../public-url.js';

// protocol endpoints, described by the OpenID metadata document rather than the OpenAPI one
const Tenant = Type.Object({ tenant: Type.String({ maxLength: 100 }) });
const schema = { hide: true, params: Tenant };

/** Entra's error body: OAuth's error and description, with its AADSTS code, time and ids to quote. */
function sendOAuthError(request: FastifyRequest, reply: FastifyReply, err: OAuthError) {
  const correlation =
    [request.headers['client-request-id'], (request.query as Record<string, unknown>)['client-request-id']].find(
      isUuid,
    ) ?? randomUUID();
  const timestamp = new Date()
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z'); // when it was answered, for support
  const traceId = randomUUID();
  if (err.status === 401) reply.header('www-authenticate', 'Basic realm="token"');
  return reply
    .code(err.status)
    .header('cache-control', 'no-store')
    .type('application/json; charset=utf-8')
    .send({
      error: err.error,
      error_description: `AADSTS${err.aadsts}: ${err.message} Trace ID: ${traceId} Correlation ID: ${correlation} Timestamp: ${timestamp}`,
      error_codes: [err.aadsts],
      timestamp,
      trace_id: traceId,
      correlation_id: correlation,
    });
}

/** client_secret_basic: the client id and secret form-encoded in a Basic Authorization header (RFC 6749 §2.3.1). */
function basicCredentials(header: string | undefined): { clientId?: string; clientSecret?: string } {
  const match = header && /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header);
  if (!match) return {};
  const [id, secret] = Buffer.from(match[1]!, 'base64').toString('utf8').split(':');
  try {
    return {
      clientId: decodeURIComponent((id ?? '').replace(/\+/g, ' ')),
      clientSecret: decodeURIComponent((secret ?? '').replace(/\+/g, ' ')),
    };
  } catch {
    throw new OAuthError(
      401,
      'invalid_client',
      7000215,
      'The client credentials in the Authorization header cannot be read.',
    );
  }
}

/**
 * An organization's token service, at the paths Microsoft's authentication library uses for an
 * authority (https://portal/{organization id}): OpenID metadata, the JWKS, and the token endpoint.
 */
export const oauthRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 16 * 1024 },
    (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    },
  );
  app.setErrorHandler((error: FastifyError | OAuthError, request, reply) => {
    if (error instanceof OAuthError) return sendOAuthError(request, reply, error);
    if (error.statusCode && error.statusCode < 500) {
      return sendOAuthError(
        request,
        reply,
        new OAuthError(400, 'invalid_request', 900144, `The request is not valid: ${error.message}`),
      );
    }
    request.log.error({ err: error }, 'token service failed');
    return reply
      .code(500)
      .header('cache-control', 'no-store')
      .send({ error: 'server_error', error_description: 'Something went wrong on our side; please try again.' });
  });
  const base = (request: FastifyRequest) => publicUrlOf(deps, request);

  app.get('/:tenant/v2.0/.well-known/openid-configuration', { schema }, async (request) =>
    openidConfiguration(deps, request.params.tenant, base(request)),
  );

  app.get('/:tenant/discovery/v2.0/keys', { schema }, async (request) => {
    await openidConfiguration(deps, request.params.tenant, base(request)); // an unknown organization is refused alike
    return jwks(deps);
  });

  app.get('/:tenant/oauth2/v2.0/authorize', { schema }, async () => {
    throw new OAuthError(
      400,
      'unsupported_response_type',
      700054,
      'There is no interactive sign-in here: apps use the client credentials grant at the token endpoint.',
    );
  });

  app.post('/:tenant/oauth2/v2.0/token', { schema }, async (request, reply) => {
    // the parameters travel form-encoded (RFC 6749 §4.4.2); a JSON body carries none, as at Entra ID
    const isForm = /^application\/x-www-form-urlencoded\b/i.test(request.headers['content-type'] ?? '');
    const form = (isForm && request.body && typeof request.body === 'object' ? request.body : {}) as Record<
      string,
      string | undefined
    >;
    const basic = basicCredentials(request.headers.authorization);
    const token = await issueAppToken(deps, {
      tenant: request.params.tenant,
      grantType: form.grant_type,
      scope: form.scope,
      clientId: form.client_id ?? basic.clientId,
      clientSecret: form.client_secret ?? basic.clientSecret,
      baseUrl: base(request),
    });
    return reply.header('cache-control', 'no-store').header('pragma', 'no-cache').send(token);
  });
};
