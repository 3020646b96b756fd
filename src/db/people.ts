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
  usageLocation?: string | null | undefined;
  role?: Role | undefined;
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

/** Candidates for sign-in: an email is unique in an organization, not across them. Deleted people are out of the directory. */
export function findPeopleByEmailForSignIn(db: Queryable, email: string) {
  return db.query<Person & { passwordHash: string | null }>(
    `SELECT ${COLUMNS}, password_hash AS "passwordHash" FROM people WHERE email = $1 AND deleted_at IS NULL`,
    [email.toLowerCase()],
  );
}

/** `columns` of the organization's person by id, unless deleted; locked until the transaction ends if asked. */
async function personById<T>(
  db: Queryable,
  orgId: string,
  id: string,
  columns: string,
  lock = '',
): Promise<T | undefined> {
  const [row] = await db.query<T>(
    `SELECT ${columns} FROM people WHERE org_id = $1 AND id = $2 AND deleted_at IS NULL${lock}`,
    [orgId, id],
  );
  return row;
}

export function findPerson(db: Queryable, orgId: string, id: string): Promise<Person | undefined> {
  return personById(db, orgId, id, COLUMNS);
}

export async function findPersonByEmail(db: Queryable, orgId: string, email: string): Promise<Person | undefined> {
  const [row] = await db.query<Person>(
    `SELECT ${COLUMNS} FROM people WHERE org_id = $1 AND email = $2 AND deleted_at IS NULL`,
    [orgId, email.toLowerCase()],
  );
  return row;
}

export function findPeopleByIds(db: Queryable, orgId: string, ids: string[]): Promise<Person[]> {
  return db.query<Person>(
    `SELECT ${COLUMNS} FROM people WHERE org_id = $1 AND id = ANY($2::uuid[]) AND deleted_at IS NULL`,
    [orgId, ids],
  );
}

/**
 * People of one organization whose name, a word of their name, or email starts with `search`
 * (folded: no accents, any case), in name order, keyset-paged after (searchName, id).
 * Each way to match gives its own first `limit` (search_name, id) from an index that holds that
 * sort key; the page is the first `limit` of them together, and only its people's rows are read.
 */
export function searchPeople(
  db: Queryable,
  orgId: string,
  opts: { search?: string | undefined; limit: number; after?: { searchName: string; id: string } | undefined },
) {
  const params: unknown[] = [orgId, opts.limit];
  let after = (_id: string) => '';
  if (opts.after) {
    params.push(opts.after.searchName, opts.after.id);
    const [name, id] = [`$${params.length - 1}`, `$${params.length}::uuid`];
    after = (idColumn) => ` AND (search_name, ${idColumn}) > (${name}, ${id})`;
  }
  const people = (condition: string) =>
    `SELECT search_name, id FROM people WHERE org_id = $1 AND deleted_at IS NULL${condition}${after('id')}`;
  let hits = people('');
  if (opts.search) {
    params.push(likePrefix(opts.search));
    const n = `$${params.length}`;
    hits = [
      people(` AND search_name LIKE ${n}`),
      people(` AND email LIKE ${n}`),
      // the start of any word of the name: a surname
      `SELECT search_name, person_id FROM people_search_words WHERE org_id = $1 AND word LIKE ${n}${after('person_id')}`,
    ]
      .map((q) => `(${q} ORDER BY 1, 2 LIMIT $2)`)
      .join(' UNION ');
  }
  return db.query<Person & { searchName: string }>(
    `SELECT ${PERSON_COLUMNS}, p.search_name AS "searchName"
       FROM (${hits} ORDER BY 1, 2 LIMIT $2) AS hit (search_name, id) JOIN people p ON p.org_id = $1 AND p.id = hit.id
      ORDER BY hit.search_name, hit.id`,
    params,
  );
}

/**
 * Disabling a person revokes their sessions and API tokens in the same statement, so that
 * enabling them again does not bring back what they held: they sign in anew.
 */
export async function setPersonStatus(
  db: Queryable,
  orgId: string,
  id: string,
  status: 'active' | 'disabled',
  now: Date,
): Promise<void> {
  await db.query(
    `WITH person AS (UPDATE people SET status = $3 WHERE org_id = $1 AND id = $2),
          s AS (UPDATE sessions SET revoked_at = $4 WHERE org_id = $1 AND person_id = $2 AND revoked_at IS NULL AND $3 = 'disabled')
     UPDATE api_tokens SET revoked_at = $4 WHERE org_id = $1 AND person_id = $2 AND revoked_at IS NULL AND $3 = 'disabled'`,
    [orgId, id, status, now],
  );
}

export async function setPasswordHash(
  db: Queryable,
  orgId: string,
  id: string,
  passwordHash: string | null,
): Promise<void> {
  await db.query('UPDATE people SET password_hash = $3 WHERE org_id = $1 AND id = $2', [orgId, id, passwordHash]);
}

/** A person with what provisioning and admins change, locked until the transaction ends. */
export interface PersonRecord extends Person {
  externalId: string | null;
  scimAttributes: Record<string, unknown>;
  hasPassword: boolean;
  createdAt: Date;
  updatedAt: Date;
}
export const RECORD_COLUMNS = `${COLUMNS}, external_id AS "externalId", scim_attributes AS "scimAttributes",
  password_hash IS NOT NULL AS "hasPassword", created_at AS "createdAt", coalesce(updated_at, created_at) AS "updatedAt"`;

export function findPersonRecord(db: Queryable, orgId: string, id: string): Promise<PersonRecord | undefined> {
  return personById(db, orgId, id, RECORD_COLUMNS);
}

export function lockPerson(db: Queryable, orgId: string, id: string): Promise<PersonRecord | undefined> {
  return personById(db, orgId, id, RECORD_COLUMNS, ' FOR UPDATE');
}

export interface PersonChanges {
  displayName?: string;
  email?: string;
  usageLocation?: string | null;
  role?: Role;
  status?: 'active' | 'disabled';
  externalId?: string | null;
  scimAttributes?: Record<string, unknown>;
}

/** Changes the given fields (the others stay); violates people_email_key or people_external_id_key when taken. */
export async function updatePerson(
  db: Queryable,
  orgId: string,
  id: string,
  c: PersonChanges,
  now: Date,
): Promise<PersonRecord> {
  const [row] = await db.query<PersonRecord>(
    `UPDATE people SET
       display_name = coalesce($3, display_name), search_name = coalesce($4, search_name), email = coalesce($5, email),
       usage_location = CASE WHEN $6::boolean THEN $7 ELSE usage_location END, role = coalesce($8, role), status = coalesce($9, status),
       external_id = CASE WHEN $10::boolean THEN $11 ELSE external_id END, scim_attributes = coalesce($12, scim_attributes), updated_at = $13
     WHERE org_id = $1 AND id = $2 AND deleted_at IS NULL RETURNING ${RECORD_COLUMNS}`,
    [
      orgId,
      id,
      c.displayName ?? null,
      c.displayName === undefined ? null : foldForSearch(c.displayName),
      c.email?.toLowerCase() ?? null,
      c.usageLocation !== undefined,
      c.usageLocation ?? null,
      c.role ?? null,
      c.status ?? null,
      c.externalId !== undefined,
      c.externalId ?? null,
      c.scimAttributes === undefined ? null : JSON.stringify(c.scimAttributes),
      now,
    ],
  );
  return row!;
}

/** Takes the person out of the directory: disabled, no password, their address free for someone new. */
export async function markPersonDeleted(db: Queryable, orgId: string, id: string, now: Date): Promise<void> {
  await db.query(
    `UPDATE people SET deleted_at = $3, updated_at = $3, status = 'disabled', password_hash = NULL WHERE org_id = $1 AND id = $2`,
    [orgId, id, now],
  );
}

/** Active admins other than this person: an organization never loses its last one. */
export async function countOtherActiveAdmins(db: Queryable, orgId: string, personId: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM people WHERE org_id = $1 AND id <> $2 AND role = 'admin' AND status = 'active' AND deleted_at IS NULL`,
    [orgId, personId],
  );
  return row!.n;
}

/**
 * Frees every license a person holds, with one `license.unassigned` audit event per
 * subscription; returns each subscription with its buyer and product, to tell the buyers.
 */
export function freeLicensesOf(db: Queryable, orgId: string, personId: string, actorId: string | null, now: Date) {
  return db.query<{ subscriptionId: string; buyerId: string; productName: string }>(
    `WITH removed AS (
       DELETE FROM license_assignments WHERE org_id = $1 AND person_id = $2 RETURNING subscription_id
     ), audited AS (
       INSERT INTO audit_events (org_id, at, actor_id, action, object_type, object_id, details)
       SELECT $1, $4, $3, 'license.unassigned', 'subscription', subscription_id::text, jsonb_build_object('users', jsonb_build_array($2::uuid), 'reason', 'person_deleted')
         FROM removed
     )
     SELECT s.id AS "subscriptionId", s.buyer_id AS "buyerId", pr.name AS "productName"
       FROM removed r JOIN subscriptions s ON s.org_id = $1 AND s.id = r.subscription_id JOIN products pr ON pr.id = s.product_id`,
    [orgId, personId, actorId, now],
  );
}

export async function findPersonBySsoSubject(
  db: Queryable,
  orgId: string,
  subject: string,
): Promise<Person | undefined> {
  const [row] = await db.query<Person>(
    `SELECT ${COLUMNS} FROM people WHERE org_id = $1 AND sso_subject = $2 AND deleted_at IS NULL`,
    [orgId, subject],
  );
  return row;
}

/** Links the person to who they are at the identity provider; violates people_sso_subject_key when another has it. */
export async function setSsoSubject(db: Queryable, orgId: string, id: string, subject: string): Promise<void> {
  await db.query('UPDATE people SET sso_subject = $3 WHERE org_id = $1 AND id = $2', [orgId, id, subject]);
}
