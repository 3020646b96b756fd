import type { Queryable } from './database.js';
import { RECORD_COLUMNS, type PersonRecord } from './people.js';
import { filterToSql, type ScimColumn } from './scim-filter.js';

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
export async function listScimUsers(
  db: Queryable,
  orgId: string,
  q: { filter?: string | undefined; offset: number; limit: number },
) {
  const params: unknown[] = [orgId];
  const where = q.filter ? ` AND ${filterToSql(q.filter, USER_COLUMNS, params)}` : '';
  const [count] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM people WHERE org_id = $1 AND deleted_at IS NULL${where}`,
    params,
  );
  const rows =
    q.limit === 0
      ? []
      : await db.query<PersonRecord>(
          `SELECT ${RECORD_COLUMNS} FROM people WHERE org_id = $1 AND deleted_at IS NULL${where}
      ORDER BY created_at, id OFFSET ${Math.trunc(q.offset)} LIMIT ${Math.trunc(q.limit)}`,
          params,
        );
  return { total: count!.n, rows };
}
