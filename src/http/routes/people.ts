import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../services/deps.js';
import { ROLES } from '../../domain/roles.js';
import { searchPeople } from '../../services/people/search-people.js';
import { getPerson } from '../../services/people/get-person.js';
import { addPerson } from '../../services/people/add-person.js';
import { updatePerson } from '../../services/people/update-person.js';
import { disablePerson } from '../../services/people/disable-person.js';
import { enablePerson } from '../../services/people/enable-person.js';
import { deletePerson } from '../../services/people/delete-person.js';
import { resetPassword } from '../../services/people/reset-password.js';
import { actorOf } from '../auth.js';
import { publicUrlOf } from '../public-url.js';
import { oneRoute, removeRoute } from '../route-kinds.js';
import { DateTime, IdParams, Nullable, Page, PageQuery, Person, problems, ref } from '../schemas.js';

const Status = Type.Union([Type.Literal('active'), Type.Literal('disabled')]);
const Role = Type.Union(ROLES.map((r) => Type.Literal(r)));
const UsageLocation = Type.String({
  pattern: '^[A-Z]{2}$',
  description: 'ISO 3166 alpha-2: where the person uses their licenses',
});

/** The directory entry: everyone sees who is disabled (as Graph's accountEnabled says). */
const DirectoryPerson = Type.Object({ ...Person.properties, status: Status });
export const PersonDetail = Type.Object(
  {
    ...DirectoryPerson.properties,
    externalId: Nullable(Type.String({ description: "the provisioning client's id (SCIM externalId)" })),
    hasPassword: Type.Boolean(),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { $id: 'PersonDetail' },
);
export const Invitation = Type.Object(
  { url: Type.String(), expiresAt: DateTime, emailed: Type.Boolean() },
  { $id: 'Invitation' },
);

export const peopleRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['people'];
  app.get(
    '/api/people',
    {
      schema: {
        tags,
        summary: 'The directory: people of your organization whose name or email starts with the search text',
        querystring: Type.Object({ search: Type.Optional(Type.String({ maxLength: 200 })), ...PageQuery }),
        response: { 200: Page(DirectoryPerson), ...problems(400, 401) },
      },
    },
    async (request) => {
      const { search, limit = 20, cursor } = request.query;
      return searchPeople(deps, actorOf(request), { search, limit, cursor });
    },
  );

  oneRoute(
    app,
    'GET',
    '/api/people/:id',
    ref(PersonDetail),
    { tags, summary: 'A person, as admins see them', problems: [401, 403, 404] },
    (request, id) => getPerson(deps, actorOf(request), id),
  );

  app.post(
    '/api/people',
    {
      schema: {
        tags,
        summary:
          'Add a person (admins); unless they sign in with the identity provider, they get a one-time link to choose a password',
        body: Type.Object({
          displayName: Type.String({ minLength: 1, maxLength: 256 }),
          email: Type.String({ format: 'email', maxLength: 320 }),
          usageLocation: Type.Optional(Nullable(UsageLocation)),
          role: Type.Optional(Role),
        }),
        response: {
          201: Type.Object({ person: ref(PersonDetail), invitation: Nullable(ref(Invitation)) }),
          ...problems(400, 401, 403, 409),
        },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await addPerson(deps, { actor: actorOf(request), input: request.body, baseUrl: publicUrlOf(deps, request) }),
        ),
  );

  app.patch(
    '/api/people/:id',
    {
      schema: {
        tags,
        summary: "Edit a person's display name, e-mail, usage location or role (admins)",
        params: IdParams,
        body: Type.Object(
          {
            displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
            email: Type.Optional(Type.String({ format: 'email', maxLength: 320 })),
            usageLocation: Type.Optional(Nullable(UsageLocation)),
            role: Type.Optional(Role),
          },
          { minProperties: 1 },
        ),
        response: { 200: ref(PersonDetail), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => updatePerson(deps, { actor: actorOf(request), id: request.params.id, edit: request.body }),
  );

  oneRoute(
    app,
    'POST',
    '/api/people/:id/disable',
    ref(PersonDetail),
    {
      tags,
      summary: 'Block sign-in: sessions and API tokens end at once; licenses stay',
      problems: [401, 403, 404, 409],
    },
    (request, id) => disablePerson(deps, actorOf(request), id),
  );

  oneRoute(
    app,
    'POST',
    '/api/people/:id/enable',
    ref(PersonDetail),
    { tags, summary: 'Let a disabled person sign in again', problems: [401, 403, 404] },
    (request, id) => enablePerson(deps, actorOf(request), id),
  );

  oneRoute(
    app,
    'POST',
    '/api/people/:id/reset-password',
    ref(Invitation),
    {
      tags,
      summary: 'Reset the password of a person without single sign-on: e-mails them a one-time link (also returned)',
      problems: [401, 403, 404, 409],
    },
    (request, id) => resetPassword(deps, { actor: actorOf(request), id, baseUrl: publicUrlOf(deps, request) }),
  );

  removeRoute(
    app,
    '/api/people/:id',
    {
      tags,
      summary:
        'Delete a person: out of the directory, licenses freed (their buyers are told); purchases and invoices stay',
      problems: [401, 403, 404, 409],
    },
    (request, id) => deletePerson(deps, actorOf(request), id),
  );
};
