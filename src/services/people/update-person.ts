import type { Deps } from '../deps.js';
import type { Actor, Role } from '../../domain/roles.js';
import { isUniqueViolation } from '../../db/database.js';
import { updatePerson as update, type PersonChanges } from '../../db/people.js';
import { recordAuditBy } from '../audit.js';
import { requireUserAdmin } from './access.js';
import { keepAnAdmin, personToChange } from './guards.js';
import { personView } from './person-view.js';
import { emailTaken } from './add-person.js';

export interface PersonEdit {
  displayName?: string;
  email?: string;
  /** ISO 3166 alpha-2: where the person uses their licenses; needed before one is assigned */
  usageLocation?: string | null | undefined;
  role?: Role;
}

/** An admin edits a person; the audit event lists each field's old and new value. */
export async function updatePerson(deps: Deps, { actor, id, edit }: { actor: Actor; id: string; edit: PersonEdit }) {
  requireUserAdmin(actor);
  const now = deps.clock.now();
  const wanted: PersonChanges = {
    ...(edit.displayName !== undefined ? { displayName: edit.displayName.trim() } : {}),
    ...(edit.email !== undefined ? { email: edit.email.trim().toLowerCase() } : {}),
    ...(edit.usageLocation !== undefined ? { usageLocation: edit.usageLocation } : {}),
    ...(edit.role !== undefined ? { role: edit.role } : {}),
  };
  return deps.db
    .transaction(async (tx) => {
      const person = await personToChange(tx, actor, id);
      const changes = Object.fromEntries(
        Object.entries(wanted).filter(([k, v]) => person[k as keyof typeof person] !== v),
      ) as PersonChanges;
      if (Object.keys(changes).length === 0) return personView(person);
      if (person.role === 'admin' && changes.role) await keepAnAdmin(tx, actor, person, 'demote');
      const updated = await update(tx, actor.orgId, id, changes, now);
      await recordAuditBy(tx, now, actor, {
        action: 'person.updated',
        objectType: 'person',
        objectId: id,
        details: Object.fromEntries(
          Object.entries(changes).map(([k, v]: [string, unknown]) => [
            k,
            { from: person[k as keyof typeof person], to: v },
          ]),
        ),
      });
      return personView(updated);
    })
    .catch((err: unknown) => {
      if (isUniqueViolation(err, 'people_email_key')) throw emailTaken(wanted.email!);
      throw err;
    });
}
