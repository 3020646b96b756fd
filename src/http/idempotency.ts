import fp from 'fastify-plugin';
import { Type } from 'typebox';
import type { RouteHandlerMethod } from 'fastify';
import type { Deps } from '../services/deps.js';
import { idempotent, requestHash } from '../services/idempotency.js';
import { AppError } from '../domain/errors.js';
import { actorOf } from './auth.js';
import { statusOf } from './errors.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** the route answers once per Idempotency-Key: a retry replays the first answer */
    idempotency?: 'required' | 'optional';
  }
  interface FastifyRequest {
    /** the request's Idempotency-Key, on routes that take one */
    idempotencyKey?: string;
  }
}

const FORMAT = /^[\x21-\x7e]{1,255}$/;
const IdempotencyKey = Type.String({
  pattern: FORMAT.source,
  description:
    'A new random value per intent (1-255 visible ASCII characters): a retry with it replays the first answer, with `Idempotent-Replayed: true`.',
});

/**
 * Idempotency as one mechanism: a route opts in with `config: { idempotency: 'required' | 'optional' }`.
 * The header is declared in its schema (so the OpenAPI document shows it), checked before
 * anything else with stable codes, and the handler runs once per person and key.
 */
export const idempotencyPlugin = fp(async (app, opts: { deps: Deps }) => {
  app.addHook('onRoute', (route) => {
    const mode = route.config?.idempotency;
    if (!mode) return;
    const header = { 'idempotency-key': mode === 'required' ? IdempotencyKey : Type.Optional(IdempotencyKey) };
    route.schema = {
      ...route.schema,
      headers: Type.Object({
        ...(route.schema?.headers as { properties?: object } | undefined)?.properties,
        ...header,
      }),
    };
    const checks = Array.isArray(route.preValidation)
      ? route.preValidation
      : route.preValidation
        ? [route.preValidation]
        : [];
    route.preValidation = [
      ...checks,
      async (request) => {
        const key = request.headers['idempotency-key'];
        if (key === undefined) {
          if (mode === 'required')
            throw new AppError(
              'idempotency_key_required',
              'Send an Idempotency-Key header (a new random value for each purchase or change).',
            );
          return;
        }
        if (typeof key !== 'string' || !FORMAT.test(key))
          throw new AppError(
            'idempotency_key_invalid',
            'The Idempotency-Key must be 1 to 255 visible ASCII characters.',
          );
        request.idempotencyKey = key;
      },
    ];
    const handler = route.handler as RouteHandlerMethod;
    route.handler = async function (request, reply) {
      const key = request.idempotencyKey;
      if (!key) return handler.call(this, request, reply);
      const hash = requestHash(request.method, request.url.split('?')[0]!, request.body);
      const answer = await idempotent(
        opts.deps,
        actorOf(request),
        key,
        hash,
        async () => {
          const body: unknown = await handler.call(this, request, reply);
          return { status: reply.statusCode, body };
        },
        statusOf,
      );
      if (answer.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(answer.status).send(answer.body);
    };
  });
});
