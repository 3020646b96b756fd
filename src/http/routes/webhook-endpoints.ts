import { Type, type TProperties } from 'typebox';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../services/deps.js';
import { WEBHOOK_EVENT_TYPES } from '../../services/webhooks/event-types.js';
import type { WebhookOwner } from '../../services/webhooks/owner.js';
import { createWebhook } from '../../services/webhooks/create-webhook.js';
import { listWebhooks } from '../../services/webhooks/list-webhooks.js';
import { updateWebhook } from '../../services/webhooks/update-webhook.js';
import { deleteWebhook } from '../../services/webhooks/delete-webhook.js';
import { rotateWebhookSecret } from '../../services/webhooks/rotate-webhook-secret.js';
import { listWebhookDeliveries } from '../../services/webhooks/list-webhook-deliveries.js';
import { replayWebhookDelivery } from '../../services/webhooks/replay-webhook-delivery.js';
import { DateTime, Nullable, Page, PageQuery, problems, ref, Uuid } from '../schemas.js';

const EventType = Type.Enum(WEBHOOK_EVENT_TYPES);
const Events = Type.Array(EventType, { minItems: 1, maxItems: WEBHOOK_EVENT_TYPES.length, uniqueItems: true });
const Url = Type.String({
  minLength: 8,
  maxLength: 2000,
  description: 'http(s) URL that receives POSTs signed per Standard Webhooks',
});

/** What a person gives of an endpoint: at its registration, or any of it in a change. */
const EndpointFields = Type.Object({
  url: Url,
  events: Events,
  description: Type.Optional(Type.String({ maxLength: 200 })),
});

export const WebhookEndpoint = Type.Object(
  {
    id: Uuid,
    url: Type.String(),
    description: Type.String(),
    events: Type.Array(Type.String()),
    enabled: Type.Boolean(),
    disabledReason: Nullable(
      Type.String({ description: "'failing': retries ran out (about three days); 'admin': turned off" }),
    ),
    previousSecretExpiresAt: Nullable(DateTime),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { $id: 'WebhookEndpoint' },
);
export const NewWebhookEndpoint = Type.Object(
  {
    ...WebhookEndpoint.properties,
    secret: Type.String({ description: 'whsec_...: shown this once' }),
  },
  { $id: 'NewWebhookEndpoint' },
);
export const WebhookDelivery = Type.Object(
  {
    id: Uuid,
    eventId: Uuid,
    type: Type.String(),
    attemptedAt: DateTime,
    statusCode: Nullable(Type.Integer()),
    latencyMs: Type.Integer(),
    responseExcerpt: Type.String(),
    error: Nullable(Type.String()),
    messageStatus: Type.Union([Type.Literal('pending'), Type.Literal('delivered'), Type.Literal('failed')]),
  },
  { $id: 'WebhookDelivery' },
);

type App = Parameters<FastifyPluginAsyncTypebox>[0];
interface Params {
  id: string;
}

/**
 * The webhook endpoint routes under `base`, for the admin (their organization) and the operator
 * (any organization, whose id is among `params`): one set of routes, two ways to say whose.
 */
export function registerWebhookRoutes(
  app: App,
  deps: Deps,
  o: {
    base: string;
    params: TProperties;
    tags: string[];
    config?: object;
    who: string;
    owner: (request: FastifyRequest) => Promise<WebhookOwner>;
  },
) {
  const byId = Type.Object({ ...o.params, id: Uuid });
  const { tags, config = {} } = o;
  const owner = o.owner;
  const id = (request: FastifyRequest) => (request.params as Params).id;

  app.post(
    o.base,
    {
      config,
      schema: {
        tags,
        summary: `Register a webhook endpoint ${o.who}; the answer holds its signing secret, shown once`,
        ...(Object.keys(o.params).length ? { params: Type.Object(o.params) } : {}),
        body: EndpointFields,
        response: { 201: ref(NewWebhookEndpoint), ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => reply.code(201).send(await createWebhook(deps, await owner(request), request.body)),
  );

  app.get(
    `${o.base}/event-types`,
    {
      config,
      schema: {
        tags,
        summary: 'The events an endpoint can ask for, in the order to show them',
        ...(Object.keys(o.params).length ? { params: Type.Object(o.params) } : {}),
        response: { 200: Type.Object({ items: Type.Array(EventType) }), ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      await owner(request);
      return { items: [...WEBHOOK_EVENT_TYPES] };
    },
  );

  app.get(
    o.base,
    {
      config,
      schema: {
        tags,
        summary: `The webhook endpoints ${o.who}`,
        ...(Object.keys(o.params).length ? { params: Type.Object(o.params) } : {}),
        response: { 200: Type.Object({ items: Type.Array(ref(WebhookEndpoint)) }), ...problems(401, 403, 404) },
      },
    },
    async (request) => listWebhooks(deps, await owner(request)),
  );

  app.patch(
    `${o.base}/:id`,
    {
      config,
      schema: {
        tags,
        summary: 'Change an endpoint, or turn it off and on (on again, the events that waited are sent)',
        params: byId,
        body: Type.Object({ ...Type.Partial(EndpointFields).properties, enabled: Type.Optional(Type.Boolean()) }),
        response: { 200: ref(WebhookEndpoint), ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request) => updateWebhook(deps, { owner: await owner(request), id: id(request), changes: request.body }),
  );

  app.delete(
    `${o.base}/:id`,
    {
      config,
      schema: {
        tags,
        summary: 'Remove an endpoint with its queue and delivery log',
        params: byId,
        response: { 204: Type.Null(), ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await deleteWebhook(deps, await owner(request), id(request));
      return reply.code(204).send(null);
    },
  );

  app.post(
    `${o.base}/:id/rotate-secret`,
    {
      config,
      schema: {
        tags,
        summary: 'A new signing secret (shown once); the old one signs beside it for 24 hours',
        params: byId,
        response: { 200: ref(NewWebhookEndpoint), ...problems(401, 403, 404) },
      },
    },
    async (request) => rotateWebhookSecret(deps, await owner(request), id(request)),
  );

  app.get(
    `${o.base}/:id/deliveries`,
    {
      config,
      schema: {
        tags,
        summary: "The endpoint's delivery log, newest first: status, latency, the start of the answer",
        params: byId,
        querystring: Type.Object(PageQuery),
        response: { 200: Page(ref(WebhookDelivery)), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) =>
      listWebhookDeliveries(deps, {
        owner: await owner(request),
        id: id(request),
        page: { limit: request.query.limit ?? 20, cursor: request.query.cursor },
      }),
  );

  app.post(
    `${o.base}/:id/deliveries/:eventId/replay`,
    {
      config,
      schema: {
        tags,
        summary: 'Send an event again, with the same webhook-id',
        params: Type.Object({ ...o.params, id: Uuid, eventId: Uuid }),
        response: { 202: Type.Null(), ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await replayWebhookDelivery(deps, {
        owner: await owner(request),
        id: id(request),
        eventId: request.params.eventId,
      });
      return reply.code(202).send(null);
    },
  );
}
