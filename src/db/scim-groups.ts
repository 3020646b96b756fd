import type { Queryable } from './database.js';
import type { ScimColumn } from './scim-filter.js';
import { scimPage, type ScimPageQuery } from './scim-page.js';

export interface ScimGroup {
  id: string;
  displayName: string;
  externalId: string | null;
  createdAt: Date;
  updatedAt: Date;
  members: { value: string; display: string }[];
}

const COLUMNS = `g.id, g.display_name AS "displayName", g.external_id AS "externalId", g.created_at AS "createdAt", g.updated_at AS "updatedAt",
  coalesce((SELECT jsonb_agg(jsonb_build_object('value', p.id, 'display', p.display_name) ORDER BY p.display_name, p.id)
     FROM scim_group_members m JOIN people p ON p.org_id = m.org_id AND p.id = m.person_id
    WHERE m.org_id = g.org_id AND m.group_id = g.id), '[]') AS members`;

const GROUP_COLUMNS: Record<string, ScimColumn> = {
  id: { sql: 'g.id', kind: 'uuid' },
  displayName: { sql: 'g.display_name', kind: 'text' },
  externalId: { sql: 'g.external_id', kind: 'caseExact' },
  'members.value': {
    contains: (value) =>
      `EXISTS (SELECT 1 FROM scim_group_members m WHERE m.org_id = g.org_id AND m.group_id = g.id AND m.person_id::text = ${value})`,
  },
};

export function listScimGroups(db: Queryable, orgId: string, q: ScimPageQuery) {
  return scimPage<ScimGroup>(db, orgId, q, {
    from: 'scim_groups g WHERE g.org_id = $1',
    columns: COLUMNS,
    filterable: GROUP_COLUMNS,
    order: 'g.created_at, g.id',
  });
}

export async function findScimGroup(
  db: Queryable,
  orgId: string,
  id: string,
  lock = false,
): Promise<ScimGroup | undefined> {
  if (lock) await db.query('SELECT 1 FROM scim_groups WHERE org_id = $1 AND id = $2 FOR UPDATE', [orgId, id]);
  const [row] = await db.query<ScimGroup>(`SELECT ${COLUMNS} FROM scim_groups g WHERE g.org_id = $1 AND g.id = $2`, [
    orgId,
    id,
  ]);
  return row;
}

/** Violates scim_groups_display_name_key when the organization has a group of that name. */
export async function insertScimGroup(
  db: Queryable,
  orgId: string,
  g: { displayName: string; externalId: string | null },
  now: Date,
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    'INSERT INTO scim_groups (org_id, display_name, external_id, created_at, updated_at) VALUES ($1, $2, $3, $4, $4) RETURNING id',
    [orgId, g.displayName, g.externalId, now],
  );
  return row!.id;
}

export async function updateScimGroup(
  db: Queryable,
  orgId: string,
  id: string,
  g: { displayName: string; externalId: string | null },
  now: Date,
): Promise<void> {
  await db.query(
    'UPDATE scim_groups SET display_name = $3, external_id = $4, updated_at = $5 WHERE org_id = $1 AND id = $2',
    [orgId, id, g.displayName, g.externalId, now],
  );
}

export async function deleteScimGroup(db: Queryable, orgId: string, id: string): Promise<boolean> {
  return (
    (await db.query('DELETE FROM scim_groups WHERE org_id = $1 AND id = $2 RETURNING id', [orgId, id])).length === 1
  );
}

/** Sets the group's members to exactly these people; returns the ids that are not live people of the organization. */
export async function setGroupMembers(
  db: Queryable,
  orgId: string,
  groupId: string,
  personIds: string[],
): Promise<string[]> {
  const live = await db.query<{ id: string }>(
    'SELECT id FROM people WHERE org_id = $1 AND id = ANY($2::uuid[]) AND deleted_at IS NULL',
    [orgId, personIds],
  );
  const found = new Set(live.map((r) => r.id));
  const unknown = personIds.filter((id) => !found.has(id));
  if (unknown.length) return unknown;
  await db.query(
    'DELETE FROM scim_group_members WHERE org_id = $1 AND group_id = $2 AND NOT (person_id = ANY($3::uuid[]))',
    [orgId, groupId, personIds],
  );
  await db.query(
    `INSERT INTO scim_group_members (org_id, group_id, person_id) SELECT $1, $2, unnest($3::uuid[]) ON CONFLICT DO NOTHING`,
    [orgId, groupId, personIds],
  );
  return [];
}

export async function touchScimGroup(db: Queryable, orgId: string, id: string, now: Date): Promise<void> {
  await db.query('UPDATE scim_groups SET updated_at = $3 WHERE org_id = $1 AND id = $2', [orgId, id, now]);
}

export async function removeFromAllGroups(db: Queryable, orgId: string, personId: string): Promise<void> {
  await db.query('DELETE FROM scim_group_members WHERE org_id = $1 AND person_id = $2', [orgId, personId]);
}
