import type { Deps } from '../deps.js';
import { lockPerson } from '../../db/people.js';
import { isUuid } from '../../domain/cursor.js';
import { ScimError, scimUserFields, type ScimResource } from '../../domain/scim.js';
import { userResource, writeUser } from './write-user.js';
import type { ScimCaller } from './authenticate.js';

export const userNotFound = (id: string) => new ScimError(404, undefined, `User ${id} not found.`);

/** PUT /Users/{id} (Okta updates this way): the user becomes exactly what is sent. */
export async function replaceUser(deps: Deps, caller: ScimCaller, id: string, body: ScimResource) {
  const fields = scimUserFields(body);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const person = isUuid(id) ? await lockPerson(tx, caller.orgId, id) : undefined;
    if (!person) throw userNotFound(id);
    return userResource(await writeUser(tx, now, caller, person, fields), caller);
  });
}
