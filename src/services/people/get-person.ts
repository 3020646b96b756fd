import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { findPersonRecord } from '../../db/people.js';
import { notFound } from '../../domain/errors.js';
import { requireAdminReader } from '../admin/access.js';
import { personView } from './person-view.js';

/** One person of the organization, as admins see them. */
export async function getPerson(deps: Deps, actor: Actor, id: string) {
  requireAdminReader(actor);
  const person = await findPersonRecord(deps.db, actor.orgId, id);
  if (!person) throw notFound('The person');
  return personView(person);
}
