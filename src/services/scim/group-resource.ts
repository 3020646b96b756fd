import type { Queryable } from '../../db/database.js';
import { isUniqueViolation } from '../../db/database.js';
import { setGroupMembers, type ScimGroup } from '../../db/scim-groups.js';
import { isUuid } from '../../domain/cursor.js';
import { ScimError, SCHEMAS, type ScimResource } from '../../domain/scim.js';
import type { ScimCaller } from './authenticate.js';

export const groupNotFound = (id: string) => new ScimError(404, undefined, `Group ${id} not found.`);

export const groupResource = (g: ScimGroup, caller: ScimCaller): ScimResource => ({
  schemas: [SCHEMAS.group],
  id: g.id,
  ...(g.externalId ? { externalId: g.externalId } : {}),
  displayName: g.displayName,
  members: g.members.map((m) => ({ ...m, $ref: `${caller.baseUrl}/Users/${m.value}` })),
  meta: {
    resourceType: 'Group',
    created: g.createdAt,
    lastModified: g.updatedAt,
    location: `${caller.baseUrl}/Groups/${g.id}`,
  },
});

/** What a SCIM Group sets: its name, external id and members (people of the organization). */
export function groupFields(r: ScimResource) {
  const get = (name: string) => Object.entries(r).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
  const displayName = get('displayName');
  if (typeof displayName !== 'string' || !displayName.trim())
    throw new ScimError(400, 'invalidValue', 'displayName is required.');
  const externalId = get('externalId');
  const members = get('members') ?? [];
  if (!Array.isArray(members)) throw new ScimError(400, 'invalidValue', 'members is a list of {"value": "<user id>"}.');
  const ids = [...new Set(members.map((m: { value?: unknown } | null) => m?.value))];
  const bad = ids.find((id) => !isUuid(id));
  if (bad !== undefined)
    throw new ScimError(
      400,
      'invalidValue',
      `${typeof bad === 'string' ? bad : JSON.stringify(bad)} is not a user id of this organization.`,
    );
  return {
    displayName: displayName.trim().slice(0, 256),
    externalId: typeof externalId === 'string' && externalId ? externalId : null,
    memberIds: ids as string[],
  };
}

export async function setMembers(tx: Queryable, orgId: string, groupId: string, memberIds: string[]): Promise<void> {
  const unknown = await setGroupMembers(tx, orgId, groupId, memberIds);
  if (unknown.length)
    throw new ScimError(400, 'invalidValue', `These are not users of this organization: ${unknown.join(', ')}.`);
}

export function groupUniqueness(err: unknown): never {
  if (isUniqueViolation(err, 'scim_groups_display_name_key'))
    throw new ScimError(409, 'uniqueness', 'A group with this displayName exists already.');
  throw err;
}
