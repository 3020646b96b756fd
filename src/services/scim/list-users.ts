import type { Deps } from '../deps.js';
import { findPersonRecord } from '../../db/people.js';
import { listScimUsers } from '../../db/scim-users.js';
import { isUuid } from '../../domain/cursor.js';
import { listResponse, project, type ScimListQuery } from '../../domain/scim.js';
import { userResource } from './write-user.js';
import { userNotFound } from './replace-user.js';
import type { ScimCaller } from './authenticate.js';

/** GET /Users: filtered (Entra ID and Okta look people up by userName or externalId), index-paged. */
export async function listUsers(deps: Deps, caller: ScimCaller, q: ScimListQuery) {
  const { total, rows } = await listScimUsers(deps.db, caller.orgId, {
    filter: q.filter,
    offset: q.startIndex - 1,
    limit: q.count,
  });
  return listResponse(
    total,
    q,
    rows.map((p) => project(userResource(p, caller), q)),
  );
}

export async function getUser(
  deps: Deps,
  caller: ScimCaller,
  id: string,
  q: Pick<ScimListQuery, 'attributes' | 'excludedAttributes'>,
) {
  const person = isUuid(id) ? await findPersonRecord(deps.db, caller.orgId, id) : undefined;
  if (!person) throw userNotFound(id);
  return project(userResource(person, caller), q);
}
