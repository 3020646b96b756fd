import type { Deps } from '../deps.js';
import { findScimGroup, listScimGroups, type ScimGroup } from '../../db/scim-groups.js';
import type { ScimListQuery } from '../../domain/scim.js';
import { groupNotFound, groupResource } from './group-resource.js';
import { getResource, listResources, type ReadableResources, type ScimSelect } from './read-resources.js';
import type { ScimCaller } from './authenticate.js';

const groups: ReadableResources<ScimGroup> = {
  list: listScimGroups,
  find: (db, orgId, id) => findScimGroup(db, orgId, id),
  resource: groupResource,
  notFound: groupNotFound,
};

export const listGroups = (deps: Deps, caller: ScimCaller, q: ScimListQuery) => listResources(deps, caller, q, groups);

export const getGroup = (deps: Deps, group: { caller: ScimCaller; id: string } & ScimSelect) =>
  getResource(deps, group, groups);
