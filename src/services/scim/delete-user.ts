import type { Deps } from '../deps.js';
import { deletePersonTx } from '../people/delete-person.js';
import { lockUser } from './replace-user.js';
import type { ScimCaller } from './authenticate.js';

/** DELETE /Users/{id}: the person is deleted (licenses freed, buyers told); a second DELETE answers 404. */
export async function deleteUser(deps: Deps, caller: ScimCaller, id: string): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await deletePersonTx(tx, now, await lockUser(tx, caller, id), null, 'scim');
  });
}
