import type { Queryable } from '../../db/database.js';
import { countOtherActiveAdmins, lockPerson, type PersonRecord } from '../../db/people.js';
import { AppError, notFound } from '../../domain/errors.js';
import type { Actor } from '../../domain/roles.js';

/** The person to change, locked for the transaction: only of the admin's organization. */
export async function personToChange(tx: Queryable, actor: Actor, id: string): Promise<PersonRecord> {
  const person = await lockPerson(tx, actor.orgId, id);
  if (!person) throw notFound('The person');
  return person;
}

/** An admin cannot lock themselves out, and an organization keeps at least one active admin. */
export async function keepAnAdmin(
  tx: Queryable,
  actor: Actor,
  person: PersonRecord,
  what: 'disable' | 'delete' | 'demote',
): Promise<void> {
  if (person.id === actor.personId && what !== 'demote') {
    throw new AppError('cannot_change_self', `You cannot ${what} yourself; ask another admin.`);
  }
  if (
    person.role === 'admin' &&
    person.status === 'active' &&
    (await countOtherActiveAdmins(tx, actor.orgId, person.id)) === 0
  ) {
    throw new AppError('last_admin', "This is the organization's last active admin: make someone else an admin first.");
  }
}
