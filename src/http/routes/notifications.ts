import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../services/deps.js';
import { getNotifications, readNotifications } from '../../services/notifications/inbox.js';
import { getMailLanguage, setMailLanguage } from '../../services/notifications/language.js';
import { actorOf } from '../auth.js';
import { DateTime, Nullable, problems, ref, Uuid } from '../schemas.js';

export const Inbox = Type.Object(
  {
    items: Type.Array(
      Type.Object({
        id: Uuid,
        kind: Type.String(),
        payload: Type.Record(Type.String(), Type.Unknown()),
        createdAt: DateTime,
        readAt: Nullable(DateTime),
      }),
    ),
    unread: Type.Integer(),
  },
  { $id: 'Inbox' },
);
const Locale = Type.Union([Type.Literal('fr'), Type.Literal('en')]);
export const MailLanguage = Type.Object(
  {
    language: Locale,
    chosen: Type.Boolean({ description: "false: your organization's language (French in France)" }),
  },
  { $id: 'MailLanguage' },
);

export const notificationRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Your notifications, newest first, and how many are unread',
        response: { 200: ref(Inbox), ...problems(401) },
      },
    },
    async (request) => getNotifications(deps, actorOf(request)),
  );

  app.post(
    '/api/notifications/read',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark one notification read, or all of them',
        body: Type.Object({ id: Type.Optional(Uuid) }),
        response: { 200: ref(Inbox), ...problems(400, 401) },
      },
    },
    async (request) => readNotifications(deps, actorOf(request), request.body.id ?? null),
  );

  app.get(
    '/api/notifications/language',
    {
      schema: {
        tags: ['notifications'],
        summary: 'The language your e-mails and invoices are sent in',
        response: { 200: ref(MailLanguage), ...problems(401) },
      },
    },
    async (request) => getMailLanguage(deps, actorOf(request)),
  );

  app.put(
    '/api/notifications/language',
    {
      schema: {
        tags: ['notifications'],
        summary: "Choose the language of your e-mails and invoices (null: your organization's)",
        body: Type.Object({ language: Nullable(Locale) }),
        response: { 200: ref(MailLanguage), ...problems(400, 401) },
      },
    },
    async (request) => setMailLanguage(deps, actorOf(request), request.body.language),
  );
};
