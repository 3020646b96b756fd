import type { Deps } from '../deps.js';
import { findPersonRecord, type PersonRecord } from '../../db/people.js';
import { listScimUsers } from '../../db/scim-users.js';
import type { ScimListQuery } from '../../domain/scim.js';
import { userResource } from './write-user.js';
import { userNotFound } from './replace-user.js';
import { getResource, listResources, type ReadableResources, type ScimSelect } from './read-resources.js';
import type { ScimCaller } from './authenticate.js';

const users: ReadableResources<PersonRecord> = {
  list: listScimUsers,
  find: findPersonRecord,
  resource: userResource,
  notFound: userNotFound,
};

/** GET /Users: filtered (Entra ID and Okta look people up by userName or externalId), index-paged. */
export const listUsers = (deps: Deps, caller: ScimCaller, q: ScimListQuery) => listResources(deps, caller, q, users);

export const getUser = (deps: Deps, user: { caller: ScimCaller; id: string } & ScimSelect) =>
  getResource(deps, user, users);
