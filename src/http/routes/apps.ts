import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Deps } from '../../services/deps.js';
import { registerApp } from '../../services/apps/register-app.js';
import { listApps } from '../../services/apps/list-apps.js';
import { rotateAppSecret } from '../../services/apps/rotate-app-secret.js';
import { revokeApp } from '../../services/apps/revoke-app.js';
import { APP_ROLES } from '../../domain/graph-permissions.js';
import { actorOf } from '../auth.js';
import { publicUrlOf } from '../public-url.js';
import { DateTime, Nullable, problems, ref, Uuid } from '../schemas.js';
import { listRoute, oneRoute, removeRoute } from '../route-kinds.js';
import { oauthRoutes } from './oauth.js';

const Role = Type.Enum(APP_ROLES);
const App = Type.Object({
  id: Uuid,
  clientId: Uuid,
  name: Type.String(),
  roles: Type.Array(Role),
  secretHint: Type.String({ description: "the secret's first characters" }),
  owner: Type.Object({ id: Uuid, displayName: Type.String() }, { description: 'the admin the app acts for' }),
  createdAt: DateTime,
  secretCreatedAt: DateTime,
  lastUsedAt: Nullable(DateTime),
});
export const NewApp = Type.Object(
  {
    ...App.properties,
    clientSecret: Type.String({ description: 'shown this once' }),
    tenantId: Uuid,
    authorityHost: Type.String({ description: "ClientSecretCredential's authorityHost" }),
    tokenEndpoint: Type.String(),
  },
  { $id: 'NewApp' },
);

/**
 * Settings > Apps: applications with their own credentials for the Graph-compatible API (a
 * daemon with Microsoft's SDKs), and the token service they use.
 */
export const appRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['apps'];
  const withAuthority = <T extends { id: string }>(request: FastifyRequest, a: T) => {
    const authorityHost = publicUrlOf(deps, request);
    const tenantId = actorOf(request).orgId;
    return { ...a, tenantId, authorityHost, tokenEndpoint: `${authorityHost}/${tenantId}/oauth2/v2.0/token` };
  };

  app.post(
    '/api/admin/apps',
    {
      schema: {
        tags,
        summary: 'Register an app: its client id and secret (shown once) for the client credentials grant',
        body: Type.Object({
          name: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
          roles: Type.Array(Role, { minItems: 1, maxItems: APP_ROLES.length }),
        }),
        response: { 201: ref(NewApp), ...problems(400, 401, 403) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(withAuthority(request, await registerApp(deps, actorOf(request), request.body))),
  );

  listRoute(
    app,
    '/api/admin/apps',
    App,
    { tags, summary: "The organization's apps", problems: [401, 403] },
    async (request) => ({ items: await listApps(deps, actorOf(request)) }),
  );

  oneRoute(
    app,
    'POST',
    '/api/admin/apps/:id/secret',
    ref(NewApp),
    {
      tags,
      summary: "Replace an app's client secret (the old one stops at once); the new one is shown once",
      problems: [401, 403, 404],
    },
    async (request, id) => withAuthority(request, await rotateAppSecret(deps, actorOf(request), id)),
  );

  removeRoute(
    app,
    '/api/admin/apps/:id',
    { tags, summary: 'Revoke an app: its secret and every token it holds stop at once', problems: [401, 403, 404] },
    (request, id) => revokeApp(deps, actorOf(request), id),
  );

  await app.register(oauthRoutes, { deps });
};
