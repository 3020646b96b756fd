import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../services/deps.js';
import { searchPeople } from '../../services/people/search-people.js';
import { actorOf } from '../auth.js';
import { Page, PageQuery, Person, problems } from '../schemas.js';

export const peopleRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get('/api/people', {
    schema: {
      tags: ['people'],
      summary: 'The directory: people of your organization whose name or email starts with the search text',
      querystring: Type.Object({ search: Type.Optional(Type.String({ maxLength: 200 })), ...PageQuery }),
      response: { 200: Page(Person), ...problems(400, 401) },
    },
  }, async (request) => {
    const { search, limit = 20, cursor } = request.query;
    return searchPeople(deps, actorOf(request), { search, limit, cursor });
  });
};
