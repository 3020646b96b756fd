import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../services/deps.js';
import { authenticate, type Authenticated } from '../services/auth/authenticate.js';
import type { Actor } from '../domain/roles.js';
import { AppError } from '../domain/errors.js';
import { SESSION_ABSOLUTE_MS } from '../services/auth/sign-in.js';
import { signOut } from '../services/auth/sign-out.js';
import { authenticateAppRequest } from './app-credentials.js';

export const SESSION_COOKIE = 'selfserve_session';

declare module 'fastify' {
  interface FastifyRequest {
    credential: Authenticated | null;
  }
  interface FastifyContextConfig {
    /**
     * The route's one statement checks the credential itself (see assignSeats), so it may be
     * authenticated from the cache; other writes ask the database, so that a credential ended on
     * any server is refused by every write at once.
     */
    credentialCheckedByStatement?: boolean;
    /** the route answers without a signed-in person */
    public?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The session cookie of a new session, however the person proved who they are. */
export function setSessionCookie(reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: 'auto',
    maxAge: SESSION_ABSOLUTE_MS / 1000,
  });
}

/** Signs out here: ends the caller's session, if that is how they came (a token stays), and clears its cookie. */
export async function endSession(deps: Deps, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (request.credential!.via === 'session') await signOut(deps, actorOf(request), request.credential!.id);
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** The signed-in person of a route that is not public (the onRequest hook guarantees one). */
export function actorOf(request: FastifyRequest): Actor {
  const { person, via, id } = request.credential!;
  return { orgId: person.orgId, personId: person.id, role: person.role, credential: { via, id } };
}

function bearerOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new AppError('unauthenticated', 'The Authorization header must be "Bearer <token>".');
  return match[1];
}

/**
 * Who is asking: a session cookie or a bearer token. Cookie-authenticated writes must carry
 * the session's CSRF token in `x-csrf-token`; bearer requests need none. Checked as the request
 * arrives, so a stranger's body is never read, parsed or validated.
 */
export const authPlugin = fp(async (app, opts: { deps: Deps }) => {
  app.decorateRequest('credential', null);
  app.decorateRequest('appCaller', null);
  // a write may have ended credentials (sign-out, a revoked token, a disabled person): its answer
  // waits until this server has heard so, and so evicted them from its cache
  app.addHook('onSend', async (request, reply) => {
    if (
      SAFE_METHODS.has(request.method) ||
      reply.statusCode >= 400 ||
      request.routeOptions.config.credentialCheckedByStatement
    )
      return;
    await opts.deps.credentials?.caughtUp(opts.deps.db);
  });
  app.addHook('onRequest', async (request: FastifyRequest, _reply: FastifyReply) => {
    const url = request.routeOptions.url;
    // only the API is guarded: not the web UI's files, the not-found handler or the API reference
    if (!url || !(url.startsWith('/api/') || url.startsWith('/v1.0/')) || url.startsWith('/api/docs')) return;
    const bearerToken = bearerOf(request);
    // an app's access token (a JWT we signed) on the Graph-compatible API: no person behind it
    if (await authenticateAppRequest(opts.deps, request, bearerToken)) return;
    const sessionToken = bearerToken ? undefined : request.cookies[SESSION_COOKIE];
    const fromCache =
      SAFE_METHODS.has(request.method) || request.routeOptions.config.credentialCheckedByStatement === true;
    request.credential = (await authenticate(opts.deps, { sessionToken, bearerToken }, { fromCache })) ?? null;
    if (request.routeOptions.config.public) return;
    if (!request.credential) throw new AppError('unauthenticated', 'Sign in or present a valid API token.');
    if (request.credential.via === 'session' && !SAFE_METHODS.has(request.method)) {
      if (request.headers['x-csrf-token'] !== request.credential.csrfToken) {
        throw new AppError('csrf_token_invalid', 'The x-csrf-token header is missing or does not match the session.');
      }
    }
  });
});
