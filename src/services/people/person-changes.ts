import type { Deps } from '../deps.js';
import type { Queryable } from '../../db/database.js';
import type { Actor } from '../../domain/roles.js';
import { updatePerson, type Person, type PersonRecord } from '../../db/people.js';
import { recordAudit } from '../../db/audit.js';
import { requireUserAdmin } from './access.js';
import { personToChange } from './guards.js';
import { personView } from './person-view.js';

/**
 * A change of a person, recorded in its transaction as the admin's (`actorId`), or as no one's
 * when a directory made it (`via` names it: scim).
 */
export async function recordPersonEvent(
  tx: Queryable,
  now: Date,
  person: Pick<Person, 'orgId' | 'id'>,
  by: { actorId: string | null; via?: string | undefined },
  action: string,
  details: Record<string, unknown> = {},
): Promise<void> {
  await recordAudit(tx, now, {
    orgId: person.orgId,
    actorId: by.actorId,
    action,
    objectType: 'person',
    objectId: person.id,
    details: { ...details, ...(by.via ? { via: by.via } : {}) },
  });
}

/** Enables or disables a person, recorded as person.enabled or person.disabled; false when they were so already. */
export async function setPersonStatus(
  tx: Queryable,
  now: Date,
  person: Person,
  status: Person['status'],
  by: { actorId: string | null; via?: string | undefined },
): Promise<boolean> {
  if (person.status === status) return false;
  await updatePerson(tx, person.orgId, person.id, { status }, now);
  await recordPersonEvent(tx, now, person, by, status === 'active' ? 'person.enabled' : 'person.disabled');
  return true;
}

/** An admin's enable or disable: the person locked, changed by `change`, and answered as they now are. */
export async function changePersonStatus(
  deps: Deps,
  actor: Actor,
  id: string,
  change: (tx: Queryable, now: Date, person: PersonRecord) => Promise<unknown>,
) {
  requireUserAdmin(actor);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    await change(tx, now, await personToChange(tx, actor, id));
    return personView(await personToChange(tx, actor, id));
  });
}
