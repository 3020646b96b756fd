import type { Deps } from '../deps.js';
import { findScimGroup, updateScimGroup } from '../../db/scim-groups.js';
import { recordAudit } from '../../db/audit.js';
import { isUuid } from '../../domain/cursor.js';
import type { ScimResource } from '../../domain/scim.js';
import { groupFields, groupNotFound, groupResource, groupUniqueness, setMembers } from './group-resource.js';
import { applyPatch, patchOperations } from './patch-user.js';
import { viaScim, type ScimCaller } from './authenticate.js';

/**
 * PUT (the whole group) or PATCH (operations on it: Entra ID adds and removes members a few at
 * a time, Okta replaces them) on a group, locked so that two runs at once apply one after the other.
 */
export async function changeGroup(
  deps: Deps,
  { caller, id, ...change }: { caller: ScimCaller; id: string } & ({ replace: ScimResource } | { patch: ScimResource }),
) {
  const operations = 'patch' in change ? patchOperations(change.patch) : undefined;
  const now = deps.clock.now();
  return deps.db
    .transaction(async (tx) => {
      const group = isUuid(id) ? await findScimGroup(tx, caller.orgId, id, true) : undefined;
      if (!group) throw groupNotFound(id);
      const current = groupResource(group, caller);
      const fields = groupFields(
        'replace' in change
          ? change.replace
          : applyPatch({ ...current, members: group.members.map((m) => ({ value: m.value })) }, operations!),
      );
      await updateScimGroup(tx, caller.orgId, id, fields, now);
      await setMembers(tx, caller.orgId, id, fields.memberIds);
      const before = new Set(group.members.map((m) => m.value));
      const after = new Set(fields.memberIds);
      await recordAudit(tx, now, {
        orgId: caller.orgId,
        actorId: null,
        action: 'group.updated',
        objectType: 'group',
        objectId: id,
        details: {
          ...viaScim(caller),
          displayName: fields.displayName,
          added: fields.memberIds.filter((m) => !before.has(m)),
          removed: [...before].filter((m) => !after.has(m)),
        },
      });
      return groupResource((await findScimGroup(tx, caller.orgId, id))!, caller);
    })
    .catch(groupUniqueness);
}
