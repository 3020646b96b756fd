import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../services/deps.js';
import { AppError } from '../domain/errors.js';
import { hashSecret } from '../services/auth/tokens.js';

/**
 * The onRequest hook of every operator route group: the bearer of SELFSERVE_OPERATOR_TOKEN only;
 * without it set, the routes do not exist (404).
 */
export const operatorAuth = (deps: Deps) => async (request: FastifyRequest) => {
  if (!deps.operatorToken) throw new AppError('not_found', `No route ${request.method} ${request.url.split('?')[0]}.`);
  const presented = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  // compared as hashes: equal lengths, and no early exit that times the secret
  if (!presented || !timingSafeEqual(hashSecret(presented), hashSecret(deps.operatorToken))) {
    throw new AppError('unauthenticated', 'Present the operator token as "Authorization: Bearer <token>".');
  }
};

/**
 * Makes `app` an operator route group; its routes take the options returned: public to the
 * session check (the operator is no person), under the operator tag.
 */
export function operatorGroup(app: FastifyInstance, deps: Deps) {
  app.addHook('onRequest', operatorAuth(deps));
  return { config: { public: true }, tags: ['operator'] };
}
