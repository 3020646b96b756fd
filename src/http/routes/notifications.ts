import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../services/deps.js';
import { getNotifications, readNotifications } from '../../services/notifications/inbox.js';
import { actorOf } from '../auth.js';
import { DateTime, Nullable, problems, Uuid } from '../schemas.js';

const Inbox = Type.Object({
  items: Type.Array(Type.Object({
    id: Uuid, kind: Type.String(), payload: Type.Record(Type.String(), Type.Unknown()), createdAt: DateTime, readAt: Nullable(DateTime),
  })),
  unread: Type.Integer(),
});

export const notificationRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get('/api/notifications', {
    schema: { tags: ['notifications'], summary: 'Your notifications, newest first, and how many are unread', response: { 200: Inbox, ...problems(401) } },
  }, async (request) => getNotifications(deps, actorOf(request)));

  app.post('/api/notifications/read', {
    schema: {
      tags: ['notifications'], summary: 'Mark one notification read, or all of them',
      body: Type.Object({ id: Type.Optional(Uuid) }), response: { 200: Inbox, ...problems(400, 401) },
    },
  }, async (request) => readNotifications(deps, actorOf(request), request.body.id ?? null));
};
