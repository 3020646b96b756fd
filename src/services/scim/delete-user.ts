import type { Deps } from '../deps.js';
import { lockPerson } from '../../db/people.js';
import { isUuid } from '../../domain/cursor.js';
import { deletePersonTx } from '../people/delete-person.js';
import { userNotFound } from './replace-user.js';
import type { ScimCaller } from './authenticate.js';

/** DELETE /Users/{id}: the person is deleted (licenses freed, buyers told); a second DELETE answers 404. */
export async function deleteUser(deps: Deps, caller: ScimCaller, id: string): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const person = isUuid(id) ? await lockPerson(tx, caller.orgId, id) : undefined;
    if (!person) throw userNotFound(id);
    await deletePersonTx(tx, now, person, null, 'scim');
  });
}
