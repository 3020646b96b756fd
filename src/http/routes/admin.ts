import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../services/deps.js';
import { exportAssignedUsers } from '../../services/admin/export-assigned-users.js';
import { getPurchase } from '../../services/admin/get-purchase.js';
import { listPurchases } from '../../services/admin/list-purchases.js';
import { listPurchasesByProduct } from '../../services/admin/list-purchases-by-product.js';
import { getPolicies, setPolicy } from '../../services/admin/policy.js';
import { takeControl } from '../../services/admin/take-control.js';
import { exportAudit, listAudit } from '../../services/admin/audit.js';
import { getOrganizationSpend } from '../../services/admin/get-organization-spend.js';
import { actorOf } from '../auth.js';
import { exportRoute, listRoute, oneRoute } from '../route-kinds.js';
import {
  DateTime,
  IdParams,
  Money,
  Nullable,
  pageQuery,
  PageQuery,
  PersonRef,
  problems,
  ref,
  Spend,
  SubscriptionStatus,
  Uuid,
} from '../schemas.js';
import { Subscription } from './subscriptions.js';

const PolicyValue = Type.Union([
  Type.Literal('Enabled'),
  Type.Literal('Disabled'),
  Type.Literal('OnlyTrialsWithoutPaymentMethod'),
]);

export const Purchase = Type.Object(
  {
    id: Uuid,
    product: Type.Object({ id: Type.String(), name: Type.String(), skuPartNumber: Type.String() }),
    buyer: ref(PersonRef),
    licensesPurchased: Type.Integer(),
    expirationDate: DateTime,
    purchasePrice: Type.Object(
      { perLicense: ref(Money), perTerm: ref(Money), total: ref(Money) },
      { description: 'per license per month, per license per term, and for all licenses per term' },
    ),
    term: Type.String(),
    status: SubscriptionStatus,
    assignedUsers: Type.Array(ref(PersonRef)),
  },
  { $id: 'Purchase' },
);

export const Policy = Type.Object(
  {
    productId: Type.String(),
    productName: Type.String(),
    value: PolicyValue,
    updatedAt: Nullable(DateTime),
  },
  { $id: 'Policy' },
);

/** The audit log's page: as many events as its page in the web app asks for. */
const AUDIT_PAGE = 50;
const AuditQuery = {
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
  actor: Type.Optional(Uuid),
  action: Type.Optional(Type.String({ maxLength: 100 })),
};

export const adminRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/admin/self-service-purchases',
    {
      schema: {
        tags: ['admin'],
        summary:
          "Members' self-service purchases, read-only: product, buyer, licenses, expiration, price, assigned users",
        querystring: Type.Object({
          productId: Type.Optional(Type.String({ maxLength: 40 })),
          buyerId: Type.Optional(Uuid),
          status: Type.Optional(SubscriptionStatus),
          ...PageQuery,
        }),
        response: {
          200: Type.Object({ items: Type.Array(ref(Purchase)), nextCursor: Nullable(Type.String()) }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => {
      const { limit = 20, ...q } = request.query;
      return listPurchases(deps, actorOf(request), { ...q, limit });
    },
  );

  oneRoute(
    app,
    'GET',
    '/api/admin/self-service-purchases/:id',
    ref(Purchase),
    { tags: ['admin'], summary: 'One self-service purchase, read-only', problems: [400, 401, 403, 404] },
    (request, id) => getPurchase(deps, actorOf(request), id),
  );

  app.get(
    '/api/admin/self-service-purchases/by-product',
    {
      schema: {
        tags: ['admin'],
        summary: 'Self-service purchases grouped by product, with the total licenses',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                product: Type.Object({ id: Type.String(), name: Type.String() }),
                purchases: Type.Integer(),
                totalLicenses: Type.Integer(),
                assigned: Type.Integer(),
              }),
            ),
          }),
          ...problems(401, 403),
        },
      },
    },
    async (request) => listPurchasesByProduct(deps, actorOf(request)),
  );

  exportRoute(
    app,
    '/api/admin/self-service-purchases.csv',
    {},
    {
      tags: ['admin'],
      summary: "Export users: the licensed people, grouped by purchaser (CSV or XLSX, in the reader's language)",
      problems: [400, 401, 403],
    },
    (request) => exportAssignedUsers(deps, actorOf(request)),
  );

  app.post(
    '/api/admin/self-service-purchases/:id/take-control',
    {
      schema: {
        tags: ['admin'],
        summary:
          'Take control of a self-service purchase: move its users to an organization subscription, or cancel it',
        params: IdParams,
        body: Type.Union([
          Type.Object({ action: Type.Literal('move_users'), targetSubscriptionId: Uuid }),
          Type.Object({ action: Type.Literal('cancel'), reason: Type.String({ minLength: 1, maxLength: 500 }) }),
        ]),
        response: { 200: ref(Subscription), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      takeControl(deps, { actor: actorOf(request), subscriptionId: request.params.id, input: request.body }),
  );

  app.get(
    '/api/admin/spend',
    {
      schema: {
        tags: ['admin'],
        summary:
          "The organization's spend over the last twelve months (the current one included), by month: invoices minus credit notes",
        description: "One series per currency, the organization's own first and always there.",
        response: { 200: ref(Spend), ...problems(401, 403) },
      },
    },
    async (request) => getOrganizationSpend(deps, actorOf(request)),
  );

  listRoute(
    app,
    '/api/admin/self-service-policy',
    ref(Policy),
    { tags: ['admin'], summary: 'The self-service purchase policy of each eligible product', problems: [401, 403] },
    (request) => getPolicies(deps, actorOf(request)),
  );

  app.put(
    '/api/admin/self-service-policy/:productId',
    {
      schema: {
        tags: ['admin'],
        summary: 'Allow, allow for trials only, or disallow self-service purchases of a product',
        params: Type.Object({ productId: Type.String({ maxLength: 40 }) }),
        body: Type.Object({ value: PolicyValue }),
        response: { 200: ref(Policy), ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request) =>
      setPolicy(deps, { actor: actorOf(request), productId: request.params.productId, value: request.body.value }),
  );

  app.get(
    '/api/admin/audit',
    {
      schema: {
        tags: ['admin'],
        summary: 'The audit log: who did what, when, on what',
        querystring: Type.Object({ ...AuditQuery, ...pageQuery(AUDIT_PAGE) }),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.Integer(),
                at: DateTime,
                actor: Nullable(ref(PersonRef)),
                action: Type.String(),
                objectType: Type.String(),
                objectId: Type.String(),
                details: Type.Record(Type.String(), Type.Unknown()),
              }),
            ),
            nextCursor: Nullable(Type.String()),
          }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => {
      const { limit = AUDIT_PAGE, ...q } = request.query;
      return listAudit(deps, { actor: actorOf(request), query: { ...q, limit } });
    },
  );

  exportRoute(
    app,
    '/api/admin/audit.csv',
    AuditQuery,
    { tags: ['admin'], summary: "The audit log as CSV or XLSX, in the reader's language", problems: [400, 401, 403] },
    (request, q) => exportAudit(deps, { actor: actorOf(request), query: q }),
  );
};
