import type { Deps } from '../deps.js';
import type { Queryable } from '../../db/database.js';
import type { Actor } from '../../domain/roles.js';
import { updatePerson, type Person } from '../../db/people.js';
import { revokeAllCredentials } from '../../db/sessions.js';
import { recordAudit } from '../../db/audit.js';
import { requireUserAdmin } from './access.js';
import { keepAnAdmin, personToChange } from './guards.js';
import { personView } from './person-view.js';

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
  if (person.status === 'disabled') return false;
  await updatePerson(tx, person.orgId, person.id, { status: 'disabled' }, now);
  await revokeAllCredentials(tx, person.orgId, person.id, now);
  await recordAudit(tx, now, {
    orgId: person.orgId,
    actorId,
    action: 'person.disabled',
    objectType: 'person',
    objectId: person.id,
    details: via ? { via } : {},
  });
  return true;
}

export async function disablePerson(deps: Deps, actor: Actor, id: string) {
  requireUserAdmin(actor);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const person = await personToChange(tx, actor, id);
    if (person.status === 'active') await keepAnAdmin(tx, actor, person, 'disable');
    await disablePersonTx(tx, now, person, actor.personId);
    return personView(await personToChange(tx, actor, id));
  });
}
