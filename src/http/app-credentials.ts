import type { FastifyRequest } from 'fastify';
import type { Deps } from '../services/deps.js';
import type { GraphCaller } from '../services/graph/caller.js';
import { authenticateApp } from '../services/apps/authenticate-app.js';
import { publicUrlOf } from './public-url.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** the app whose access token a /v1.0 request bears (apps reach only the Graph-compatible API) */
    appCaller: GraphCaller | null;
  }
}

/** A JWT (header.payload.signature), where our own API tokens are opaque. */
const isJwt = (token: string) => token.split('.').length === 3;

/** Authenticates an app's bearer JWT on the Graph-compatible API; false when the request is not one. */
export async function authenticateAppRequest(
  deps: Deps,
  request: FastifyRequest,
  bearerToken: string | undefined,
): Promise<boolean> {
  if (!bearerToken || !isJwt(bearerToken) || !request.routeOptions.url?.startsWith('/v1.0/')) return false;
  request.appCaller = await authenticateApp(deps, bearerToken, publicUrlOf(deps, request));
  return true;
}
