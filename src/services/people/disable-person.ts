import type { Deps } from '../deps.js';
import type { Queryable } from '../../db/database.js';
import type { Actor } from '../../domain/roles.js';
import type { Person } from '../../db/people.js';
import { revokeAllCredentials } from '../../db/sessions.js';
import { keepAnAdmin } from './guards.js';
import { changePersonStatus, setPersonStatus } from './person-changes.js';

/**
 * Disables a person in the caller's transaction: their sessions and API tokens end at once and
 * they cannot sign in; their licenses stay (as Microsoft 365 keeps a blocked user's). False when
 * they were disabled already.
 */
export async function disablePersonTx(
  tx: Queryable,
  now: Date,
  person: Person,
  actorId: string | null,
  via?: string,
): Promise<boolean> {
  if (!(await setPersonStatus(tx, now, person, 'disabled', { actorId, via }))) return false;
  await revokeAllCredentials(tx, person.orgId, person.id, now);
  return true;
}

export async function disablePerson(deps: Deps, actor: Actor, id: string) {
  return changePersonStatus(deps, actor, id, async (tx, now, person) => {
    if (person.status === 'active') await keepAnAdmin(tx, actor, person, 'disable');
    await disablePersonTx(tx, now, person, actor.personId);
  });
}
