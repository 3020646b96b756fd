import type { Deps } from '../deps.js';
import type { Queryable } from '../../db/database.js';
import type { Actor } from '../../domain/roles.js';
import { freeLicensesOf, markPersonDeleted, type Person } from '../../db/people.js';
import { revokeAllCredentials } from '../../db/sessions.js';
import { removeFromAllGroups } from '../../db/scim-groups.js';
import { notify } from '../notifications/notify.js';
import { requireUserAdmin } from './access.js';
import { keepAnAdmin, personToChange } from './guards.js';
import { recordPersonEvent } from './person-changes.js';

/**
 * Deletes a person in the caller's transaction: out of the directory and its groups, sessions
 * and tokens ended, licenses freed (each buyer is told). Their purchases, invoices and the audit
 * log keep naming them.
 */
export async function deletePersonTx(
  tx: Queryable,
  now: Date,
  person: Person,
  actorId: string | null,
  via?: string,
): Promise<void> {
  const freed = await freeLicensesOf(tx, person.orgId, person.id, actorId, now);
  for (const f of freed) {
    if (f.buyerId === person.id) continue;
    await notify(tx, now, {
      orgId: person.orgId,
      personId: f.buyerId,
      kind: 'license_freed',
      payload: { subscriptionId: f.subscriptionId, product: f.productName, person: person.displayName },
    });
  }
  await removeFromAllGroups(tx, person.orgId, person.id);
  await revokeAllCredentials(tx, person.orgId, person.id, now);
  await markPersonDeleted(tx, person.orgId, person.id, now);
  await recordPersonEvent(tx, now, person, { actorId, via }, 'person.deleted', {
    email: person.email,
    displayName: person.displayName,
    licensesFreed: freed.length,
  });
}

export async function deletePerson(deps: Deps, actor: Actor, id: string): Promise<void> {
  requireUserAdmin(actor);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const person = await personToChange(tx, actor, id);
    await keepAnAdmin(tx, actor, person, 'delete');
    await deletePersonTx(tx, now, person, actor.personId);
  });
}
