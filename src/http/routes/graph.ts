import { Type, type TSchema } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Deps } from '../../services/deps.js';
import type { GraphCaller } from '../../services/graph/caller.js';
import { USER_PROPERTIES } from '../../services/graph/users.js';
import { getMe, getUser } from '../../services/graph/get-user.js';
import { countUsers, listUsers } from '../../services/graph/list-users.js';
import { updateUser } from '../../services/graph/update-user.js';
import { assignLicense, assignMyLicense } from '../../services/graph/assign-license.js';
import { listLicenseDetails, listMyLicenseDetails } from '../../services/graph/list-license-details.js';
import { getSubscribedSku, listSubscribedSkus } from '../../services/graph/list-subscribed-skus.js';
import {
  getOrganization,
  getOrganizationById,
  ORGANIZATION_PROPERTIES,
} from '../../services/graph/get-organization.js';
import { parseOrderBy, parseSearch, parseSelect, parseUserFilter, refuseExpand } from '../../domain/graph-query.js';
import { AppError } from '../../domain/errors.js';
import { actorOf } from '../auth.js';
import { setGraphRequestIds } from '../graph-errors.js';
import { publicUrlOf } from '../public-url.js';
import { graphProblems, Nullable, ref, Uuid } from '../schemas.js';

// The Microsoft Graph shapes that license tooling uses, so that the Graph SDKs work unmodified.
const AssignedLicense = Type.Object({ skuId: Uuid, disabledPlans: Type.Array(Uuid) });
export const GraphUser = Type.Object(
  {
    id: Type.Optional(Uuid),
    displayName: Type.Optional(Type.String()),
    givenName: Type.Optional(Nullable(Type.String())),
    surname: Type.Optional(Nullable(Type.String())),
    jobTitle: Type.Optional(Nullable(Type.String())),
    mail: Type.Optional(Type.String()),
    userPrincipalName: Type.Optional(Type.String()),
    usageLocation: Type.Optional(Nullable(Type.String())),
    accountEnabled: Type.Optional(Type.Boolean()),
    assignedLicenses: Type.Optional(Type.Array(AssignedLicense)),
  },
  { additionalProperties: true, $id: 'GraphUser' },
);
const ServicePlan = Type.Object({
  servicePlanId: Uuid,
  servicePlanName: Type.String(),
  appliesTo: Type.String(),
  provisioningStatus: Type.String(),
});
export const LicenseDetails = Type.Object(
  {
    id: Type.String(),
    skuId: Uuid,
    skuPartNumber: Type.String(),
    servicePlans: Type.Array(ServicePlan),
  },
  { $id: 'LicenseDetails' },
);
const SubscribedSku = Type.Object(
  {
    id: Type.String(),
    accountId: Uuid,
    accountName: Type.String(),
    skuId: Uuid,
    skuPartNumber: Type.String(),
    appliesTo: Type.String(),
    capabilityStatus: Type.String(),
    consumedUnits: Type.Integer(),
    prepaidUnits: Type.Object({
      enabled: Type.Integer(),
      warning: Type.Integer(),
      suspended: Type.Integer(),
      lockedOut: Type.Integer(),
    }),
    servicePlans: Type.Array(ServicePlan),
    subscriptionIds: Type.Array(Uuid),
  },
  { additionalProperties: true },
);
/** A subscribedSku as answered: the properties $select asks for. */
export const SelectedSku = Type.Partial(SubscribedSku, { additionalProperties: true, $id: 'SubscribedSku' });
export const GraphOrganization = Type.Object(
  { id: Type.Optional(Uuid), displayName: Type.Optional(Type.String()) },
  { additionalProperties: true, $id: 'GraphOrganization' },
);
const AssignLicenseBody = Type.Object({
  addLicenses: Type.Array(
    Type.Object({ skuId: Uuid, disabledPlans: Type.Optional(Type.Array(Uuid, { maxItems: 100 })) }),
    { maxItems: 20 },
  ),
  removeLicenses: Type.Array(Uuid, { maxItems: 20 }),
});
const UserParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 320 }) });
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });
const text = (description: string) => Type.Optional(Type.String({ maxLength: 500, description }));
const Select = { $select: text('properties to return, comma-separated') };
const Expand = { $expand: text('refused: no relationship of a user is expanded here') };
const FilterAndSearch = {
  $filter: text(
    'eq, ne, in, startswith, endswith, not, and, or on id, displayName, mail, userPrincipalName, givenName, surname, jobTitle, accountEnabled, usageLocation; assignedLicenses/any(x:x/skuId eq {id})',
  ),
  $search: text('"displayName:term" clauses joined by AND / OR (with ConsistencyLevel: eventual)'),
};
const ConsistencyLevel = Type.Object({
  consistencylevel: Type.Optional(
    Type.String({
      description: 'eventual: advanced queries ($search, $count, ne, not, endswith, $filter with $orderby)',
    }),
  ),
});
const collection = <T extends TSchema>(item: T) =>
  Type.Object({ value: Type.Array(item) }, { additionalProperties: true });
const tags = ['graph'];

/**
 * Microsoft Graph v1.0 for license tooling: users, licenses, SKUs, the organization. Callers are
 * people (session or API token) or apps (their access token from /{orgId}/oauth2/v2.0/token).
 * Every OData option a route does not list is refused, never ignored.
 */
export const graphRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  const base = (request: FastifyRequest) => `${publicUrlOf(deps, request)}/v1.0`;
  const context = (request: FastifyRequest, what: string) => ({
    '@odata.context': `${base(request)}/$metadata#${what}`,
  });
  const callerOf = (request: FastifyRequest): GraphCaller =>
    request.appCaller ?? { actor: actorOf(request), app: null };
  const eventual = (request: FastifyRequest) =>
    String(request.headers.consistencylevel ?? '').toLowerCase() === 'eventual';
  const selected = (fields: string[] | undefined) => (fields ? `(${fields.join(',')})` : '');
  /** The user properties asked for by $select; $expand is refused (no relationship is expanded). */
  const userSelect = (q: { $select?: string; $expand?: string }) => {
    refuseExpand(q.$expand, USER_PROPERTIES);
    return parseSelect(q.$select, USER_PROPERTIES) as (typeof USER_PROPERTIES)[number][] | undefined;
  };
  const userEntity = <T extends object>(request: FastifyRequest, select: string[] | undefined, user: T) => ({
    ...context(request, `users${selected(select)}/$entity`),
    ...user,
  });

  app.addHook('onRequest', async (request, reply) => {
    setGraphRequestIds(request, reply);
    const allowed = Object.keys(
      (request.routeOptions.schema?.querystring as { properties?: object } | undefined)?.properties ?? {},
    );
    const refused = Object.keys(request.query as object).find((k) => k.startsWith('$') && !allowed.includes(k));
    if (refused) {
      throw new AppError(
        'unsupported_query',
        `Query option '${refused}' is not allowed. To allow it, set the 'AllowedQueryOptions' property on EnableQueryAttribute or QueryValidationSettings.`,
        { graphCode: 'Request_BadRequest' },
      );
    }
  });

  app.get(
    '/v1.0/me',
    {
      schema: {
        tags,
        summary: 'Graph: the signed-in user',
        querystring: Type.Object({ ...Select, ...Expand }),
        response: { 200: ref(GraphUser), ...graphProblems(400, 401) },
      },
    },
    async (request) => {
      const select = userSelect(request.query);
      return userEntity(request, select, await getMe(deps, callerOf(request), select));
    },
  );

  app.get(
    '/v1.0/users',
    {
      schema: {
        tags,
        summary:
          'Graph: users of your organization, with $filter, $search, $orderby, $count, $top, $select and paging by @odata.nextLink',
        headers: ConsistencyLevel,
        querystring: Type.Object({
          ...FilterAndSearch,
          $orderby: text('displayName or userPrincipalName, asc or desc'),
          $count: Type.Optional(Type.Boolean()),
          $top: Type.Optional(Type.Integer({ minimum: 1, maximum: 999 })),
          $skiptoken: text('the next page, from @odata.nextLink'),
          ...Select,
          ...Expand,
        }),
        response: { 200: collection(ref(GraphUser)), ...graphProblems(400, 401, 403) },
      },
    },
    async (request) => {
      const q = request.query;
      const select = userSelect(q);
      const { users, count, next } = await listUsers(deps, callerOf(request), {
        filter: parseUserFilter(q.$filter),
        search: parseSearch(q.$search),
        orderBy: parseOrderBy(q.$orderby),
        select,
        top: q.$top ?? 100,
        skiptoken: q.$skiptoken,
        count: q.$count === true,
        eventual: eventual(request),
      });
      const nextLink = new URL(`${base(request)}/users`);
      for (const [k, v] of Object.entries({ ...q, $skiptoken: next ?? undefined }))
        if (v !== undefined) nextLink.searchParams.set(k, String(v));
      return {
        ...context(request, `users${selected(select)}`),
        ...(count !== undefined ? { '@odata.count': count } : {}),
        value: users,
        ...(next ? { '@odata.nextLink': nextLink.toString() } : {}),
      };
    },
  );

  app.get(
    '/v1.0/users/$count',
    {
      schema: {
        tags,
        summary: 'Graph: how many users match (ConsistencyLevel: eventual)',
        headers: ConsistencyLevel,
        querystring: Type.Object(FilterAndSearch),
        response: { 200: { content: { 'text/plain': { schema: Type.String() } } }, ...graphProblems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const n = await countUsers(deps, callerOf(request), {
        filter: parseUserFilter(request.query.$filter),
        search: parseSearch(request.query.$search),
        eventual: eventual(request),
      });
      return reply.type('text/plain; charset=utf-8').send(String(n));
    },
  );

  app.get(
    '/v1.0/users/:id',
    {
      schema: {
        tags,
        summary: 'Graph: a user by id or userPrincipalName',
        params: UserParams,
        querystring: Type.Object({ ...Select, ...Expand }),
        response: { 200: ref(GraphUser), ...graphProblems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const select = userSelect(request.query);
      return userEntity(
        request,
        select,
        await getUser(deps, { caller: callerOf(request), idOrUpn: request.params.id, select }),
      );
    },
  );

  app.patch(
    '/v1.0/users/:id',
    {
      schema: {
        tags,
        summary: "Graph: change a user's usage location or display name (admins; apps with User.ReadWrite.All)",
        params: UserParams,
        body: Type.Object(
          {
            usageLocation: Type.Optional(
              Nullable(Type.String({ pattern: '^[A-Za-z]{2}$', description: 'ISO 3166 alpha-2' })),
            ),
            displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
          },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null(), ...graphProblems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await updateUser(deps, { caller: callerOf(request), idOrUpn: request.params.id, patch: request.body });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/v1.0/users/:id/assignLicense',
    {
      schema: {
        tags,
        summary: "Graph: add and remove a user's licenses, with disabledPlans",
        params: UserParams,
        body: AssignLicenseBody,
        response: { 200: ref(GraphUser), ...graphProblems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      ...context(request, 'users/$entity'),
      ...(await assignLicense(deps, { caller: callerOf(request), idOrUpn: request.params.id, input: request.body })),
    }),
  );

  app.post(
    '/v1.0/me/assignLicense',
    {
      schema: {
        tags,
        summary: 'Graph: add and remove your own licenses',
        body: AssignLicenseBody,
        response: { 200: ref(GraphUser), ...graphProblems(400, 401, 403, 409) },
      },
    },
    async (request) => ({
      ...context(request, 'users/$entity'),
      ...(await assignMyLicense(deps, callerOf(request), request.body)),
    }),
  );

  app.get(
    '/v1.0/users/:id/licenseDetails',
    {
      schema: {
        tags,
        summary: "Graph: a user's licenses and their service plans",
        params: UserParams,
        response: { 200: collection(ref(LicenseDetails)), ...graphProblems(400, 401, 403, 404) },
      },
    },
    async (request) => ({
      ...context(request, `users('${request.params.id}')/licenseDetails`),
      value: await listLicenseDetails(deps, callerOf(request), request.params.id),
    }),
  );

  app.get(
    '/v1.0/me/licenseDetails',
    {
      schema: {
        tags,
        summary: 'Graph: your licenses and their service plans',
        response: { 200: collection(ref(LicenseDetails)), ...graphProblems(400, 401) },
      },
    },
    async (request) => ({
      ...context(request, 'users/licenseDetails'),
      value: await listMyLicenseDetails(deps, callerOf(request)),
    }),
  );

  app.get(
    '/v1.0/subscribedSkus',
    {
      schema: {
        tags,
        summary: 'Graph: the products you hold licenses of (your subscriptions: what your assignLicense draws from)',
        querystring: Type.Object(Select),
        response: {
          200: collection(ref(SelectedSku)),
          ...graphProblems(400, 401, 403),
        },
      },
    },
    async (request) => {
      const select = parseSelect(
        request.query.$select,
        Object.keys(SubscribedSku.properties),
        'microsoft.graph.subscribedSku',
      );
      const skus = await listSubscribedSkus(deps, callerOf(request));
      return { ...context(request, `subscribedSkus${selected(select)}`), value: skus.map((s) => pick(s, select)) };
    },
  );

  app.get(
    '/v1.0/subscribedSkus/:id',
    {
      schema: {
        tags,
        summary: 'Graph: one of your products by its id ({organization id}_{skuId})',
        params: IdParams,
        querystring: Type.Object(Select),
        response: {
          200: ref(SelectedSku),
          ...graphProblems(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const select = parseSelect(
        request.query.$select,
        Object.keys(SubscribedSku.properties),
        'microsoft.graph.subscribedSku',
      );
      return {
        ...context(request, `subscribedSkus${selected(select)}/$entity`),
        ...pick(await getSubscribedSku(deps, callerOf(request), request.params.id), select),
      };
    },
  );

  app.get(
    '/v1.0/organization',
    {
      schema: {
        tags,
        summary: 'Graph: your organization',
        querystring: Type.Object(Select),
        response: { 200: collection(ref(GraphOrganization)), ...graphProblems(400, 401, 403) },
      },
    },
    async (request) => {
      const select = parseSelect(request.query.$select, ORGANIZATION_PROPERTIES, 'microsoft.graph.organization');
      return {
        ...context(request, `organization${selected(select)}`),
        value: [pick(await getOrganization(deps, callerOf(request)), select)],
      };
    },
  );

  app.get(
    '/v1.0/organization/:id',
    {
      schema: {
        tags,
        summary: 'Graph: your organization by its id',
        params: IdParams,
        querystring: Type.Object(Select),
        response: { 200: ref(GraphOrganization), ...graphProblems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const select = parseSelect(request.query.$select, ORGANIZATION_PROPERTIES, 'microsoft.graph.organization');
      return {
        ...context(request, `organization${selected(select)}/$entity`),
        ...pick(await getOrganizationById(deps, callerOf(request), request.params.id), select),
      };
    },
  );
};

/** The properties $select names, or all. */
function pick<T extends object>(o: T, select: string[] | undefined): Partial<T> {
  return select ? (Object.fromEntries(Object.entries(o).filter(([k]) => select.includes(k))) as Partial<T>) : o;
}
