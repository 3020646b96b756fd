import type { Queryable } from './database.js';
import { RECORD_COLUMNS, type PersonRecord } from './people.js';
import type { ScimColumn } from './scim-filter.js';
import { scimPage, type ScimPageQuery } from './scim-page.js';

/** The User attributes a SCIM filter may name (our one e-mail is the work and primary one). */
const USER_COLUMNS: Record<string, ScimColumn> = {
  id: { sql: 'id', kind: 'uuid' },
  userName: { sql: 'email', kind: 'lowercase' },
  emails: { sql: 'email', kind: 'lowercase' },
  'emails.value': { sql: 'email', kind: 'lowercase' },
  'emails.type': { constant: 'work' },
  'emails.primary': { constant: true },
  externalId: { sql: 'external_id', kind: 'caseExact' },
  displayName: { sql: 'display_name', kind: 'text' },
  active: { sql: "(status = 'active')", kind: 'boolean' },
  'name.givenName': { sql: "scim_attributes #>> '{name,givenName}'", kind: 'text' },
  'name.familyName': { sql: "scim_attributes #>> '{name,familyName}'", kind: 'text' },
};

/** A page of the organization's people matching a SCIM filter, in creation order, with the total. */
export function listScimUsers(db: Queryable, orgId: string, q: ScimPageQuery) {
  return scimPage<PersonRecord>(db, orgId, q, {
    from: 'people WHERE org_id = $1 AND deleted_at IS NULL',
    columns: RECORD_COLUMNS,
    filterable: USER_COLUMNS,
    order: 'created_at, id',
  });
}
