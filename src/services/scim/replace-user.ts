import type { Deps } from '../deps.js';
import type { Queryable } from '../../db/database.js';
import { lockPerson, type PersonRecord } from '../../db/people.js';
import { isUuid } from '../../domain/cursor.js';
import { ScimError, scimUserFields, type ScimResource, type ScimUserFields } from '../../domain/scim.js';
import { userResource, writeUser } from './write-user.js';
import type { ScimCaller } from './authenticate.js';

export const userNotFound = (id: string) => new ScimError(404, undefined, `User ${id} not found.`);

/** The user to change, locked for the transaction; 404 for an id that is not one of the organization's people. */
export async function lockUser(tx: Queryable, caller: ScimCaller, id: string): Promise<PersonRecord> {
  const person = isUuid(id) ? await lockPerson(tx, caller.orgId, id) : undefined;
  if (!person) throw userNotFound(id);
  return person;
}

/** Locks the user, writes the fields `fieldsOf` makes of it as we show it, and answers it as it now is. */
export async function changeUser(
  deps: Deps,
  caller: ScimCaller,
  id: string,
  fieldsOf: (shown: ScimResource) => ScimUserFields,
) {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const person = await lockUser(tx, caller, id);
    return userResource(await writeUser(tx, now, caller, person, fieldsOf(userResource(person, caller))), caller);
  });
}

/** PUT /Users/{id} (Okta updates this way): the user becomes exactly what is sent. */
export async function replaceUser(
  deps: Deps,
  { caller, id, resource }: { caller: ScimCaller; id: string; resource: ScimResource },
) {
  const fields = scimUserFields(resource);
  return changeUser(deps, caller, id, () => fields);
}
