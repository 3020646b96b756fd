import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../services/deps.js';
import { assignLicenses } from '../../services/licenses/assign-licenses.js';
import { tooMany } from '../../services/licenses/seat-change.js';
import { unassignLicenses } from '../../services/licenses/unassign-licenses.js';
import { MAX_USERS_AT_ONCE } from '../../domain/seats.js';
import { exportAssignments } from '../../services/licenses/export-assignments.js';
import { listLicenses } from '../../services/licenses/list-licenses.js';
import { listSubscriptionAssignments } from '../../services/licenses/list-subscription-assignments.js';
import { actorOf } from '../auth.js';
import { exportRoute } from '../route-kinds.js';
import {
  DateTime,
  IdParams,
  Nullable,
  pageQuery,
  Person,
  PersonRef,
  problems,
  ref,
  SubscriptionStatus,
  Uuid,
} from '../schemas.js';

// a page of holders, as the license page shows them (Show more asks for the next 50)
const ASSIGNMENTS_PAGE = 50;
const UserIds = Type.Object({ userIds: Type.Array(Uuid, { minItems: 1, maxItems: MAX_USERS_AT_ONCE }) });
/** Whose licenses change, on which subscription: what assigning and unassigning both take. */
const seatChange = (request: FastifyRequest & { params: { id: string }; body: { userIds: string[] } }) => ({
  actor: actorOf(request),
  subscriptionId: request.params.id,
  userIds: request.body.userIds,
});
// more than 20 answers 422 too_many_users (with `max`), which says why, before the schema's maxItems would
const refuseTooMany = async (request: FastifyRequest) => {
  const ids = (request.body as { userIds?: unknown } | undefined)?.userIds;
  if (Array.isArray(ids) && ids.length > MAX_USERS_AT_ONCE) throw tooMany(ids.length);
};
const Counts = { total: Type.Integer(), assignedCount: Type.Integer(), available: Type.Integer() };

export const licenseRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/licenses',
    {
      schema: {
        tags: ['licenses'],
        summary: 'Billing > Licenses: your subscriptions with assigned and available licenses',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                subscriptionId: Uuid,
                product: Type.Object({ id: Type.String(), name: Type.String(), skuPartNumber: Type.String() }),
                status: SubscriptionStatus,
                total: Type.Integer(),
                assigned: Type.Integer(),
                available: Type.Integer(),
                selfService: Type.Boolean(),
                buyer: ref(PersonRef),
              }),
            ),
          }),
          ...problems(401),
        },
      },
    },
    async (request) => listLicenses(deps, actorOf(request)),
  );

  app.get(
    '/api/subscriptions/:id/assignments',
    {
      schema: {
        tags: ['licenses'],
        summary: 'The people holding a license of the subscription',
        params: IdParams,
        querystring: Type.Object(pageQuery(ASSIGNMENTS_PAGE)),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                person: Type.Object({
                  id: Uuid,
                  displayName: Type.String(),
                  email: Type.String(),
                  usageLocation: Nullable(Type.String()),
                }),
                assignedAt: DateTime,
                assignedBy: Nullable(Type.Object({ id: Uuid, displayName: Type.String() })),
              }),
            ),
            nextCursor: Nullable(Type.String()),
          }),
          ...problems(400, 401, 404),
        },
      },
    },
    async (request) => {
      const { limit = ASSIGNMENTS_PAGE, cursor } = request.query;
      return listSubscriptionAssignments(deps, {
        actor: actorOf(request),
        subscriptionId: request.params.id,
        page: { limit, cursor },
      });
    },
  );

  exportRoute(
    app,
    '/api/subscriptions/:id/assignments.csv',
    {},
    {
      tags: ['licenses'],
      summary: "The assigned people as CSV or XLSX, in the reader's language",
      problems: [400, 401, 404],
    },
    (request, _, id) => exportAssignments(deps, actorOf(request), id),
  );

  app.post(
    '/api/subscriptions/:id/assignments',
    {
      schema: {
        tags: ['licenses'],
        summary: 'Assign licenses to 1-20 people of your organization, all or none',
        params: IdParams,
        body: UserIds,
        response: {
          200: Type.Object({ assigned: Type.Array(ref(Person)), alreadyAssigned: Type.Array(ref(Person)), ...Counts }),
          ...problems(400, 401, 403, 404, 409, 422),
        },
      },
      config: { credentialCheckedByStatement: true },
      preValidation: refuseTooMany,
    },
    async (request) => assignLicenses(deps, seatChange(request)),
  );

  app.post(
    '/api/subscriptions/:id/assignments/remove',
    {
      schema: {
        tags: ['licenses'],
        summary: 'Unassign licenses from 1-20 people',
        params: IdParams,
        body: UserIds,
        response: {
          200: Type.Object({ unassigned: Type.Array(Uuid), ...Counts }),
          ...problems(400, 401, 403, 404, 409, 422),
        },
      },
      config: { credentialCheckedByStatement: true },
      preValidation: refuseTooMany,
    },
    async (request) => unassignLicenses(deps, seatChange(request)),
  );
};
