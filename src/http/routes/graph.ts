import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Deps } from '../../services/deps.js';
import { assignLicense, findUser, graphUser, licenseDetails, listSubscribedSkus, listUsers, USER_PROPERTIES } from '../../services/graph/graph.js';
import { parseSelect } from '../../domain/graph-query.js';
import { actorOf } from '../auth.js';
import { publicUrlOf } from '../public-url.js';
import { graphProblems, Nullable, Uuid } from '../schemas.js';

// The Microsoft Graph shapes that license tooling uses, so that the Graph SDKs work unmodified.
const User = Type.Object({
  id: Type.Optional(Uuid), displayName: Type.Optional(Type.String()), mail: Type.Optional(Type.String()),
  userPrincipalName: Type.Optional(Type.String()), usageLocation: Type.Optional(Nullable(Type.String())), accountEnabled: Type.Optional(Type.Boolean()),
}, { additionalProperties: true });
const ServicePlan = Type.Object({ servicePlanId: Uuid, servicePlanName: Type.String(), appliesTo: Type.String(), provisioningStatus: Type.String() });
const UserParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 320 }) });
const Select = { $select: Type.Optional(Type.String({ maxLength: 500 })) };

const shape = (p: Parameters<typeof graphUser>[0], select?: string[]): Partial<ReturnType<typeof graphUser>> => {
  const user = graphUser(p);
  return select ? Object.fromEntries(Object.entries(user).filter(([k]) => select.includes(k))) : user;
};

export const graphRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  const base = (request: FastifyRequest) => `${publicUrlOf(deps, request)}/v1.0`;
  const context = (request: FastifyRequest, what: string) => ({ '@odata.context': `${base(request)}/$metadata#${what}` });

  app.get('/v1.0/me', {
    schema: { tags: ['graph'], summary: 'Graph: the signed-in user', querystring: Type.Object(Select), response: { 200: User, ...graphProblems(400, 401) } },
  }, async (request) => {
    const actor = actorOf(request);
    return { ...context(request, 'users/$entity'), ...shape(await findUser(deps, actor, actor.personId), parseSelect(request.query.$select, USER_PROPERTIES)) };
  });

  app.get('/v1.0/users', {
    schema: {
      tags: ['graph'], summary: "Graph: users of your organization ($filter=startswith(displayName,'x'), $top, $select, paging by @odata.nextLink)",
      querystring: Type.Object({
        $filter: Type.Optional(Type.String({ maxLength: 500 })), $top: Type.Optional(Type.Integer({ minimum: 1, maximum: 999 })),
        $skiptoken: Type.Optional(Type.String({ maxLength: 500 })), ...Select,
      }),
      response: { 200: Type.Object({ value: Type.Array(User) }, { additionalProperties: true }), ...graphProblems(400, 401) },
    },
  }, async (request) => {
    const q = request.query;
    const select = parseSelect(q.$select, USER_PROPERTIES);
    const { users, next } = await listUsers(deps, actorOf(request), { filter: q.$filter, top: q.$top ?? 100, skiptoken: q.$skiptoken });
    const nextLink = new URL(`${base(request)}/users`);
    for (const [k, v] of Object.entries({ $filter: q.$filter, $top: q.$top, $select: q.$select, $skiptoken: next ?? undefined })) {
      if (v !== undefined) nextLink.searchParams.set(k, String(v));
    }
    return { ...context(request, 'users'), value: users.map((u) => shape(u, select)), ...(next ? { '@odata.nextLink': nextLink.toString() } : {}) };
  });

  app.get('/v1.0/users/:id', {
    schema: { tags: ['graph'], summary: 'Graph: a user by id or userPrincipalName', params: UserParams, querystring: Type.Object(Select), response: { 200: User, ...graphProblems(400, 401, 404) } },
  }, async (request) => ({
    ...context(request, 'users/$entity'),
    ...shape(await findUser(deps, actorOf(request), request.params.id), parseSelect(request.query.$select, USER_PROPERTIES)),
  }));

  app.get('/v1.0/subscribedSkus', {
    schema: {
      tags: ['graph'], summary: 'Graph: the products you hold licenses of, with their units',
      response: {
        200: Type.Object({
          value: Type.Array(Type.Object({
            id: Type.String(), skuId: Uuid, skuPartNumber: Type.String(), appliesTo: Type.String(), capabilityStatus: Type.String(),
            consumedUnits: Type.Integer(),
            prepaidUnits: Type.Object({ enabled: Type.Integer(), warning: Type.Integer(), suspended: Type.Integer(), lockedOut: Type.Integer() }),
            servicePlans: Type.Array(ServicePlan), subscriptionIds: Type.Array(Uuid),
          })),
        }, { additionalProperties: true }),
        ...graphProblems(401),
      },
    },
  }, async (request) => ({ ...context(request, 'subscribedSkus'), value: await listSubscribedSkus(deps, actorOf(request)) }));

  app.post('/v1.0/users/:id/assignLicense', {
    schema: {
      tags: ['graph'], summary: "Graph: add and remove a user's licenses", params: UserParams,
      body: Type.Object({
        addLicenses: Type.Array(Type.Object({ skuId: Uuid, disabledPlans: Type.Optional(Type.Array(Uuid)) }), { maxItems: 20 }),
        removeLicenses: Type.Array(Uuid, { maxItems: 20 }),
      }),
      response: { 200: User, ...graphProblems(400, 401, 403, 404, 409) },
    },
  }, async (request) => ({ ...context(request, 'users/$entity'), ...graphUser(await assignLicense(deps, actorOf(request), request.params.id, request.body)) }));

  app.get('/v1.0/users/:id/licenseDetails', {
    schema: {
      tags: ['graph'], summary: "Graph: a user's licenses", params: UserParams,
      response: {
        200: Type.Object({ value: Type.Array(Type.Object({ id: Type.String(), skuId: Uuid, skuPartNumber: Type.String(), servicePlans: Type.Array(ServicePlan) })) }, { additionalProperties: true }),
        ...graphProblems(400, 401, 404),
      },
    },
  }, async (request) => ({ ...context(request, `users('${request.params.id}')/licenseDetails`), value: await licenseDetails(deps, actorOf(request), request.params.id) }));
};
