import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../services/deps.js';
import { signIn } from '../../services/auth/sign-in.js';
import { getMe } from '../../services/people/get-me.js';
import { actorOf, endSession, setSessionCookie } from '../auth.js';
import { CurrencyCode, Person, problems, ref, Uuid } from '../schemas.js';

export const Me = Type.Object(
  {
    person: ref(Person),
    organization: Type.Object({ id: Uuid, name: Type.String(), country: Type.String(), currency: CurrencyCode }),
    csrfToken: Type.Union([Type.String(), Type.Null()], {
      description: 'send as x-csrf-token on cookie-authenticated writes',
    }),
  },
  { $id: 'Me' },
);

export const sessionRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.post(
    '/api/session',
    {
      config: { public: true },
      schema: {
        tags: ['session'],
        summary: 'Sign in: sets the session cookie and returns the person with a CSRF token',
        body: Type.Object({
          email: Type.String({ minLength: 1, maxLength: 320 }),
          password: Type.String({ minLength: 1, maxLength: 1024 }),
        }),
        response: { 200: ref(Me), ...problems(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const { token, csrfToken, person } = await signIn(deps, { ...request.body, clientAddress: request.ip });
      setSessionCookie(reply, token);
      const me = await getMe(deps, { orgId: person.orgId, personId: person.id, role: person.role });
      return { ...me, csrfToken };
    },
  );

  app.delete(
    '/api/session',
    {
      schema: { tags: ['session'], summary: 'Sign out', response: { 204: Type.Null(), ...problems(401, 403) } },
    },
    async (request, reply) => {
      await endSession(deps, request, reply);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/me',
    {
      schema: {
        tags: ['session'],
        summary: 'The signed-in person and their organization',
        response: { 200: ref(Me), ...problems(401) },
      },
    },
    async (request) => ({ ...(await getMe(deps, actorOf(request))), csrfToken: request.credential!.csrfToken }),
  );
};
