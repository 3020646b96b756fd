import { Type } from 'typebox';
import type { FastifyError, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox, TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Deps } from '../../services/deps.js';
import { AppError } from '../../domain/errors.js';
import { statusOf } from '../errors.js';
import { listResponse, ScimError, SCHEMAS, type ScimListQuery, type ScimResource } from '../../domain/scim.js';
import { authenticateScim, type ScimCaller } from '../../services/scim/authenticate.js';
import { getUser, listUsers } from '../../services/scim/list-users.js';
import type { ScimSelect } from '../../services/scim/read-resources.js';
import { createUser } from '../../services/scim/create-user.js';
import { replaceUser } from '../../services/scim/replace-user.js';
import { patchUser } from '../../services/scim/patch-user.js';
import { deleteUser } from '../../services/scim/delete-user.js';
import { getGroup, listGroups } from '../../services/scim/list-groups.js';
import { createGroup } from '../../services/scim/create-group.js';
import { changeGroup } from '../../services/scim/change-group.js';
import { deleteGroup } from '../../services/scim/delete-group.js';
import { MAX_RESULTS, resourceTypes, schemas, serviceProviderConfig } from '../../services/scim/discovery.js';
import { createProvisioningToken } from '../../services/scim/create-provisioning-token.js';
import { listProvisioningTokens } from '../../services/scim/list-provisioning-tokens.js';
import { revokeProvisioningToken } from '../../services/scim/revoke-provisioning-token.js';
import { publicUrlOf } from '../public-url.js';
import { actorOf } from '../auth.js';
import { DateTime, Nullable, problems, Uuid } from '../schemas.js';
import { listRoute, removeRoute } from '../route-kinds.js';

const ListQuery = Type.Object({
  filter: Type.Optional(Type.String({ maxLength: 2000 })),
  startIndex: Type.Optional(Type.Integer()),
  count: Type.Optional(Type.Integer()),
  attributes: Type.Optional(Type.String({ maxLength: 1000 })),
  excludedAttributes: Type.Optional(Type.String({ maxLength: 1000 })),
});
const Projection = Type.Object({
  attributes: ListQuery.properties.attributes,
  excludedAttributes: ListQuery.properties.excludedAttributes,
});
const Id = Type.Object({ id: Type.String({ maxLength: 100 }) });
const Body = Type.Record(Type.String(), Type.Unknown());
const hide = { hide: true };

/** A SCIM resource's use cases, behind the same six endpoints (RFC 7644 §3). */
interface ScimEndpoints {
  list(deps: Deps, caller: ScimCaller, q: ScimListQuery): Promise<unknown>;
  get(deps: Deps, one: { caller: ScimCaller; id: string } & ScimSelect): Promise<unknown>;
  create(deps: Deps, caller: ScimCaller, body: ScimResource): Promise<ScimResource>;
  replace(deps: Deps, change: { caller: ScimCaller; id: string; resource: ScimResource }): Promise<unknown>;
  patch(deps: Deps, change: { caller: ScimCaller; id: string; resource: ScimResource }): Promise<unknown>;
  remove(deps: Deps, caller: ScimCaller, id: string): Promise<void>;
}
const resources: Record<'Users' | 'Groups', ScimEndpoints> = {
  Users: {
    list: listUsers,
    get: getUser,
    create: createUser,
    replace: replaceUser,
    patch: patchUser,
    remove: deleteUser,
  },
  Groups: {
    list: listGroups,
    get: getGroup,
    create: createGroup,
    replace: (deps, { resource, ...group }) => changeGroup(deps, { ...group, replace: resource }),
    patch: (deps, { resource, ...group }) => changeGroup(deps, { ...group, patch: resource }),
    remove: deleteGroup,
  },
};

/** RFC 7644 §3.4.2.4: startIndex below 1 is 1; count is at most what ServiceProviderConfig says. */
const listQuery = (q: {
  filter?: string;
  startIndex?: number;
  count?: number;
  attributes?: string;
  excludedAttributes?: string;
}): ScimListQuery => ({
  ...q,
  startIndex: Math.max(1, q.startIndex ?? 1),
  count: Math.min(MAX_RESULTS, Math.max(0, q.count ?? 100)),
});

function scimErrorOf(error: FastifyError | AppError | ScimError): {
  status: number;
  scimType?: string | undefined;
  detail: string;
} {
  if (error instanceof ScimError) return { status: error.status, scimType: error.scimType, detail: error.message };
  if (error instanceof AppError)
    return {
      status: statusOf(error.code),
      scimType: error.kind === 'invalid' ? 'invalidValue' : undefined,
      detail: error.message,
    };
  if (error.validation)
    return { status: 400, scimType: 'invalidSyntax', detail: `The request is not valid: ${error.message}` };
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500)
    return { status, scimType: status === 400 ? 'invalidSyntax' : undefined, detail: error.message };
  return { status: 500, detail: 'Something went wrong on our side. Nothing was changed; please try again.' };
}

/**
 * SCIM 2.0 provisioning at /scim/v2 for the organization whose token is presented: Users (with
 * the enterprise extension), Groups and discovery, in application/scim+json, errors as SCIM Errors.
 */
export const scimRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  const ProvisioningToken = Type.Object({
    id: Uuid,
    name: Type.String(),
    createdAt: DateTime,
    lastUsedAt: Nullable(DateTime),
  });
  const tags = ['provisioning'];
  app.post(
    '/api/admin/provisioning/tokens',
    {
      schema: {
        tags,
        summary: 'Create a SCIM provisioning token (shown once) for Entra ID, Okta or another client',
        body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }) }),
        response: {
          201: Type.Object({
            ...ProvisioningToken.properties,
            token: Type.String(),
            scimUrl: Type.String({ description: 'the tenant URL to give the client' }),
          }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request, reply) =>
      reply.code(201).send({
        ...(await createProvisioningToken(deps, actorOf(request), request.body)),
        scimUrl: `${publicUrlOf(deps, request)}/scim/v2`,
      }),
  );
  listRoute(
    app,
    '/api/admin/provisioning/tokens',
    ProvisioningToken,
    { tags, summary: 'The live provisioning tokens', problems: [401, 403] },
    async (request) => ({ items: await listProvisioningTokens(deps, actorOf(request)) }),
  );
  removeRoute(
    app,
    '/api/admin/provisioning/tokens/:id',
    { tags, summary: 'Revoke a provisioning token', problems: [401, 403, 404] },
    (request, id) => revokeProvisioningToken(deps, actorOf(request), id),
  );

  await app.register(
    async (plain) => {
      const scim = plain.withTypeProvider<TypeBoxTypeProvider>();
      const callers = new WeakMap<FastifyRequest, ScimCaller>();
      const callerOf = (request: FastifyRequest) => callers.get(request)!;
      scim.addContentTypeParser(
        'application/scim+json',
        { parseAs: 'string' },
        scim.getDefaultJsonParser('error', 'ignore'),
      );
      scim.addHook('onRequest', async (request) => {
        callers.set(
          request,
          await authenticateScim(deps, request.headers.authorization, `${publicUrlOf(deps, request)}/scim/v2`),
        );
      });
      scim.addHook('onSend', async (_request, reply, payload) => {
        if (String(reply.getHeader('content-type') ?? '').startsWith('application/json'))
          reply.type('application/scim+json; charset=utf-8');
        return payload;
      });
      scim.setErrorHandler((error: FastifyError, request, reply) => {
        const { status, scimType, detail } = scimErrorOf(error);
        if (status >= 500) request.log.error({ err: error }, 'SCIM request failed');
        return reply
          .code(status)
          .type('application/scim+json; charset=utf-8')
          .send({ schemas: [SCHEMAS.error], status: String(status), ...(scimType ? { scimType } : {}), detail });
      });
      scim.setNotFoundHandler((request, reply) =>
        reply
          .code(404)
          .type('application/scim+json; charset=utf-8')
          .send({
            schemas: [SCHEMAS.error],
            status: '404',
            detail: `No SCIM endpoint ${request.method} ${request.url.split('?')[0]}.`,
          }),
      );

      scim.get('/ServiceProviderConfig', { schema: hide }, async (request) =>
        serviceProviderConfig(callerOf(request).baseUrl),
      );
      const whole = (items: ScimResource[]) =>
        listResponse(items.length, { startIndex: 1, count: items.length }, items);
      scim.get('/ResourceTypes', { schema: hide }, async (request) => whole(resourceTypes(callerOf(request).baseUrl)));
      scim.get('/Schemas', { schema: hide }, async (request) => whole(schemas(callerOf(request).baseUrl)));
      scim.get(
        '/Schemas/:id',
        { schema: { ...hide, params: Type.Object({ id: Type.String({ maxLength: 200 }) }) } },
        async (request) => {
          const found = schemas(callerOf(request).baseUrl).find((s) => s.id === request.params.id);
          if (!found) throw new ScimError(404, undefined, `Schema ${request.params.id} not found.`);
          return found;
        },
      );

      for (const [path, endpoints] of Object.entries(resources)) {
        scim.get(`/${path}`, { schema: { ...hide, querystring: ListQuery } }, async (request) =>
          endpoints.list(deps, callerOf(request), listQuery(request.query)),
        );
        scim.get(`/${path}/:id`, { schema: { ...hide, params: Id, querystring: Projection } }, async (request) =>
          endpoints.get(deps, { caller: callerOf(request), id: request.params.id, ...request.query }),
        );
        scim.post(`/${path}`, { schema: { ...hide, body: Body } }, async (request, reply) => {
          const created = await endpoints.create(deps, callerOf(request), request.body);
          return reply
            .code(201)
            .header('location', (created.meta as { location: string }).location)
            .send(created);
        });
        scim.put(`/${path}/:id`, { schema: { ...hide, params: Id, body: Body } }, async (request) =>
          endpoints.replace(deps, { caller: callerOf(request), id: request.params.id, resource: request.body }),
        );
        scim.patch(`/${path}/:id`, { schema: { ...hide, params: Id, body: Body } }, async (request) =>
          endpoints.patch(deps, { caller: callerOf(request), id: request.params.id, resource: request.body }),
        );
        scim.delete(`/${path}/:id`, { schema: { ...hide, params: Id } }, async (request, reply) => {
          await endpoints.remove(deps, callerOf(request), request.params.id);
          return reply.code(204).send();
        });
      }
    },
    { prefix: '/scim/v2' },
  );
};
