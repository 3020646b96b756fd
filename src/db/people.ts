import type { Queryable } from './database.js';
import type { Role } from '../domain/roles.js';
import { foldForSearch, likePrefix } from '../domain/search.js';

export interface Person {
  orgId: string;
  id: string;
  displayName: string;
  email: string;
  usageLocation: string | null;
  role: Role;
  status: 'active' | 'disabled';
}

const COLUMNS = `org_id AS "orgId", id, display_name AS "displayName", email,
  usage_location AS "usageLocation", role, status`;
/** The same columns of table alias `p`, for queries that join people. */
export const PERSON_COLUMNS = `p.org_id AS "orgId", p.id, p.display_name AS "displayName", p.email,
  p.usage_location AS "usageLocation", p.role, p.status`;

/** A person row of table alias `p` as one JSON value, for queries that join people. */
export const PERSON_JSON = `jsonb_build_object('orgId', p.org_id, 'id', p.id, 'displayName', p.display_name,
  'email', p.email, 'usageLocation', p.usage_location, 'role', p.role, 'status', p.status)`;

export interface NewPerson {
  displayName: string;
  email: string;
  usageLocation?: string | null;
  role?: Role;
  status?: 'active' | 'disabled';
  passwordHash?: string | null;
}

export async function insertPeople(db: Queryable, orgId: string, people: NewPerson[]): Promise<Person[]> {
  if (people.length === 0) return [];
  return db.query<Person>(
    `INSERT INTO people (org_id, display_name, email, search_name, usage_location, role, status, password_hash)
     SELECT $1, p.display_name, p.email, p.search_name, p.usage_location, p.role, p.status, p.password_hash
       FROM jsonb_to_recordset($2::jsonb) AS p(display_name text, email text, search_name text,
            usage_location text, role text, status text, password_hash text)
     RETURNING ${COLUMNS}`,
    [
      orgId,
      JSON.stringify(
        people.map((p) => ({
          display_name: p.displayName,
          email: p.email.toLowerCase(),
          search_name: foldForSearch(p.displayName),
          usage_location: p.usageLocation ?? null,
          role: p.role ?? 'member',
          status: p.status ?? 'active',
          password_hash: p.passwordHash ?? null,
        })),
      ),
    ],
  );
}

/** Candidates for sign-in: an email is unique in an organization, not across them. */
export function findPeopleByEmailForSignIn(db: Queryable, email: string) {
  return db.query<Person & { passwordHash: string | null }>(
    `SELECT ${COLUMNS}, password_hash AS "passwordHash" FROM people WHERE email = $1`,
    [email.toLowerCase()],
  );
}

export async function findPerson(db: Queryable, orgId: string, id: string): Promise<Person | undefined> {
  const [row] = await db.query<Person>(`SELECT ${COLUMNS} FROM people WHERE org_id = $1 AND id = $2`, [orgId, id]);
  return row;
}

export async function findPersonByEmail(db: Queryable, orgId: string, email: string): Promise<Person | undefined> {
  const [row] = await db.query<Person>(`SELECT ${COLUMNS} FROM people WHERE org_id = $1 AND email = $2`, [
    orgId,
    email.toLowerCase(),
  ]);
  return row;
}

export function findPeopleByIds(db: Queryable, orgId: string, ids: string[]): Promise<Person[]> {
  return db.query<Person>(`SELECT ${COLUMNS} FROM people WHERE org_id = $1 AND id = ANY($2::uuid[])`, [orgId, ids]);
}

/**
 * People of one organization whose display name or email starts with `search`, in name order,
 * keyset-paged after (searchName, id).
 */
export function searchPeople(
  db: Queryable,
  orgId: string,
  opts: { search?: string; limit: number; after?: { searchName: string; id: string }; field?: 'name' | 'email' | 'any' },
) {
  const params: unknown[] = [orgId, opts.limit];
  let where = 'org_id = $1';
  if (opts.search) {
    params.push(likePrefix(opts.search));
    const n = `$${params.length}`;
    where += { any: ` AND (search_name LIKE ${n} OR email LIKE ${n})`, name: ` AND search_name LIKE ${n}`, email: ` AND email LIKE ${n}` }[opts.field ?? 'any'];
  }
  if (opts.after) {
    params.push(opts.after.searchName, opts.after.id);
    where += ` AND (search_name, id) > ($${params.length - 1}, $${params.length}::uuid)`;
  }
  return db.query<Person & { searchName: string }>(
    `SELECT ${COLUMNS}, search_name AS "searchName" FROM people WHERE ${where}
      ORDER BY search_name, id LIMIT $2`,
    params,
  );
}

/** Disabling a person also revokes their sessions and tokens in the same transaction. */
export async function setPersonStatus(db: Queryable, orgId: string, id: string, status: 'active' | 'disabled'): Promise<void> {
  await db.query('UPDATE people SET status = $3 WHERE org_id = $1 AND id = $2', [orgId, id, status]);
}

export async function setPasswordHash(db: Queryable, orgId: string, id: string, passwordHash: string | null): Promise<void> {
  await db.query('UPDATE people SET password_hash = $3 WHERE org_id = $1 AND id = $2', [orgId, id, passwordHash]);
}
