import type { Deps } from '../deps.js';
import { insertPeople, lockPerson } from '../../db/people.js';
import { recordAudit } from '../../db/audit.js';
import { scimUserFields, type ScimResource } from '../../domain/scim.js';
import { uniqueness, userResource, writeUser } from './write-user.js';
import { viaScim, type ScimCaller } from './authenticate.js';

/**
 * POST /Users: a new member of the organization. A userName taken already answers 409
 * uniqueness, which Entra ID and Okta take as "match it with a GET by filter"; of two runs
 * creating the same person at once, one creates and the other gets that 409.
 */
export async function createUser(deps: Deps, caller: ScimCaller, body: ScimResource) {
  const fields = scimUserFields(body);
  const now = deps.clock.now();
  const person = await deps.db
    .transaction(async (tx) => {
      const [created] = await insertPeople(tx, caller.orgId, [
        { displayName: fields.displayName, email: fields.email, usageLocation: fields.usageLocation },
      ]);
      await recordAudit(tx, now, {
        orgId: caller.orgId,
        actorId: null,
        action: 'person.created',
        objectType: 'person',
        objectId: created!.id,
        details: { ...viaScim(caller), email: fields.email, displayName: fields.displayName },
      });
      return writeUser(tx, now, caller, (await lockPerson(tx, caller.orgId, created!.id))!, fields);
    })
    .catch(uniqueness);
  return userResource(person, caller);
}
