import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../services/deps.js';
import { idempotent, requestHash } from '../services/idempotency.js';
import { actorOf } from './auth.js';

/**
 * Answers a money-moving request once per Idempotency-Key: a retry gets the first answer with
 * `Idempotent-Replayed: true`.
 */
export async function answerOnce(
  deps: Deps, request: FastifyRequest, reply: FastifyReply, act: () => Promise<{ status: number; body: unknown }>,
) {
  const key = request.headers['idempotency-key'];
  const hash = requestHash(request.method, request.url.split('?')[0]!, request.body);
  const answer = await idempotent(deps, actorOf(request), Array.isArray(key) ? key[0] : key, hash, act);
  if (answer.replayed) reply.header('idempotent-replayed', 'true');
  return reply.code(answer.status).send(answer.body);
}
