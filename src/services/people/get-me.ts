import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { findPerson } from '../../db/people.js';
import { findOrganization } from '../../db/organizations.js';

export async function getMe(deps: Deps, actor: Actor) {
  const [person, organization] = await Promise.all([
    findPerson(deps.db, actor.orgId, actor.personId),
    findOrganization(deps.db, actor.orgId),
  ]);
  return { person: person!, organization: organization! };
}
