import type { Deps } from '../deps.js';
import { findScimGroup, listScimGroups } from '../../db/scim-groups.js';
import { isUuid } from '../../domain/cursor.js';
import { listResponse, project, type ScimListQuery } from '../../domain/scim.js';
import { groupNotFound, groupResource } from './group-resource.js';
import type { ScimCaller } from './authenticate.js';

export async function listGroups(deps: Deps, caller: ScimCaller, q: ScimListQuery) {
  const { total, rows } = await listScimGroups(deps.db, caller.orgId, {
    filter: q.filter,
    offset: q.startIndex - 1,
    limit: q.count,
  });
  return listResponse(
    total,
    q,
    rows.map((g) => project(groupResource(g, caller), q)),
  );
}

export async function getGroup(
  deps: Deps,
  caller: ScimCaller,
  id: string,
  q: Pick<ScimListQuery, 'attributes' | 'excludedAttributes'>,
) {
  const group = isUuid(id) ? await findScimGroup(deps.db, caller.orgId, id) : undefined;
  if (!group) throw groupNotFound(id);
  return project(groupResource(group, caller), q);
}
