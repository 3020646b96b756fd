import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../services/deps.js';
import { operatorGroup } from '../operator-auth.js';
import { oneRoute } from '../route-kinds.js';
import { createOrganization } from '../../services/operator/create-organization.js';
import { getOrganization, listOrganizations } from '../../services/operator/list-organizations.js';
import { attachDomain } from '../../services/operator/attach-domain.js';
import { publicUrlOf } from '../public-url.js';
import { CurrencyCode, IdParams, Page, PageQuery, problems, ref, Uuid } from '../schemas.js';
import { Invitation } from './people.js';
import { Domain } from './sso.js';

const Organization = Type.Object({
  id: Uuid,
  name: Type.String(),
  country: Type.String(),
  currency: CurrencyCode,
  invoicePrefix: Type.String(),
});

const NewOrganization = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  country: Type.String({
    pattern: '^[A-Z]{2}$',
    description: "ISO 3166 alpha-2; also the first admin's usage location",
  }),
  currency: CurrencyCode,
  invoicePrefix: Type.Optional(
    Type.String({ pattern: '^[A-Z]{3}$', description: 'starts its invoice numbers; from the name when not given' }),
  ),
  admin: Type.Object({
    email: Type.String({ format: 'email', maxLength: 320 }),
    displayName: Type.String({ minLength: 1, maxLength: 256 }),
  }),
});

/**
 * The operator (who runs Selfserve) creates organizations, authenticated by
 * SELFSERVE_OPERATOR_TOKEN as a bearer token; without it set, these routes do not exist.
 */
export const operatorRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  const { config, tags } = operatorGroup(app, deps);

  app.post(
    '/api/operator/organizations',
    {
      config,
      schema: {
        tags,
        summary: 'Create an organization and invite its first admin (a one-time link, e-mailed and returned)',
        body: NewOrganization,
        response: {
          201: Type.Object({
            ...Organization.properties,
            admin: Type.Object({ id: Uuid, email: Type.String(), displayName: Type.String() }),
            invitation: ref(Invitation),
          }),
          ...problems(400, 401, 404, 409),
        },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createOrganization(deps, request.body, publicUrlOf(deps, request))),
  );

  app.get(
    '/api/operator/organizations',
    {
      config,
      schema: {
        tags,
        summary: 'The organizations, by name',
        querystring: Type.Object(PageQuery),
        response: { 200: Page(Organization), ...problems(400, 401, 404) },
      },
    },
    async (request) => listOrganizations(deps, { limit: request.query.limit ?? 20, cursor: request.query.cursor }),
  );

  oneRoute(
    app,
    'GET',
    '/api/operator/organizations/:id',
    Type.Object({ ...Organization.properties, domains: Type.Array(ref(Domain)) }),
    { config, tags, summary: 'An organization with its e-mail domains', problems: [401, 404] },
    (_request, id) => getOrganization(deps, id),
  );

  app.post(
    '/api/operator/organizations/:id/domains',
    {
      config,
      schema: {
        tags,
        summary: 'Attach an e-mail domain, verified by the operator or left for the admin to verify by DNS',
        params: IdParams,
        body: Type.Object({
          domain: Type.String({ minLength: 1, maxLength: 253 }),
          verified: Type.Boolean({ default: false }),
        }),
        response: { 201: ref(Domain), ...problems(400, 401, 404, 409) },
      },
    },
    async (request, reply) => reply.code(201).send(await attachDomain(deps, request.params.id, request.body)),
  );
};
