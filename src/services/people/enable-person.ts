import type { Deps } from '../deps.js';
import type { Queryable } from '../../db/database.js';
import type { Actor } from '../../domain/roles.js';
import { updatePerson, type Person } from '../../db/people.js';
import { recordAudit } from '../../db/audit.js';
import { requireUserAdmin } from './access.js';
import { personToChange } from './guards.js';
import { personView } from './person-view.js';

/** Lets a disabled person sign in again (their old sessions stay ended); false when they were active. */
export async function enablePersonTx(
  tx: Queryable,
  now: Date,
  person: Person,
  actorId: string | null,
  via?: string,
): Promise<boolean> {
  if (person.status === 'active') return false;
  await updatePerson(tx, person.orgId, person.id, { status: 'active' }, now);
  await recordAudit(tx, now, {
    orgId: person.orgId,
    actorId,
    action: 'person.enabled',
    objectType: 'person',
    objectId: person.id,
    details: via ? { via } : {},
  });
  return true;
}

export async function enablePerson(deps: Deps, actor: Actor, id: string) {
  requireUserAdmin(actor);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const person = await personToChange(tx, actor, id);
    await enablePersonTx(tx, now, person, actor.personId);
    return personView(await personToChange(tx, actor, id));
  });
}
