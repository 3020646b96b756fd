import type { Queryable } from './database.js';

export async function removeFromAllGroups(db: Queryable, orgId: string, personId: string): Promise<void> {
  await db.query('DELETE FROM scim_group_members WHERE org_id = $1 AND person_id = $2', [orgId, personId]);
}
