import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../services/deps.js';
import { createApiToken, listMyApiTokens, revokeApiToken } from '../../services/auth/api-tokens.js';
import { actorOf } from '../auth.js';
import { DateTime, Nullable, problems, Uuid } from '../schemas.js';
import { listRoute, removeRoute } from '../route-kinds.js';

const ApiToken = Type.Object({ id: Uuid, name: Type.String(), createdAt: DateTime, lastUsedAt: Nullable(DateTime) });

export const tokenRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.post(
    '/api/tokens',
    {
      schema: {
        tags: ['tokens'],
        summary: 'Create a personal API token (shown once) for Authorization: Bearer',
        body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }) }),
        response: { 201: Type.Object({ ...ApiToken.properties, token: Type.String() }), ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => reply.code(201).send(await createApiToken(deps, actorOf(request), request.body)),
  );

  listRoute(
    app,
    '/api/tokens',
    ApiToken,
    { tags: ['tokens'], summary: 'Your API tokens', problems: [401] },
    async (request) => ({ items: await listMyApiTokens(deps, actorOf(request)) }),
  );

  removeRoute(
    app,
    '/api/tokens/:id',
    { tags: ['tokens'], summary: 'Revoke an API token', problems: [401, 403, 404] },
    (request, id) => revokeApiToken(deps, actorOf(request), id),
  );
};
