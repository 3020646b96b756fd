import type { Deps } from '../deps.js';
import { deleteScimGroup } from '../../db/scim-groups.js';
import { recordAudit } from '../../db/audit.js';
import { isUuid } from '../../domain/cursor.js';
import { groupNotFound } from './group-resource.js';
import { viaScim, type ScimCaller } from './authenticate.js';

export async function deleteGroup(deps: Deps, caller: ScimCaller, id: string): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    if (!isUuid(id) || !(await deleteScimGroup(tx, caller.orgId, id))) throw groupNotFound(id);
    await recordAudit(tx, now, {
      orgId: caller.orgId,
      actorId: null,
      action: 'group.deleted',
      objectType: 'group',
      objectId: id,
      details: viaScim(caller),
    });
  });
}
