import type { Deps } from '../deps.js';
import { findScimGroup, insertScimGroup } from '../../db/scim-groups.js';
import { recordAudit } from '../../db/audit.js';
import type { ScimResource } from '../../domain/scim.js';
import { groupFields, groupResource, groupUniqueness, setMembers } from './group-resource.js';
import { viaScim, type ScimCaller } from './authenticate.js';

export async function createGroup(deps: Deps, caller: ScimCaller, body: ScimResource) {
  const fields = groupFields(body);
  const now = deps.clock.now();
  return deps.db
    .transaction(async (tx) => {
      const id = await insertScimGroup(tx, caller.orgId, fields, now);
      await setMembers(tx, caller.orgId, id, fields.memberIds);
      await recordAudit(tx, now, {
        orgId: caller.orgId,
        actorId: null,
        action: 'group.created',
        objectType: 'group',
        objectId: id,
        details: { ...viaScim(caller), displayName: fields.displayName, members: fields.memberIds.length },
      });
      return groupResource((await findScimGroup(tx, caller.orgId, id))!, caller);
    })
    .catch(groupUniqueness);
}
