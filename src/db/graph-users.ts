import type { Queryable } from './database.js';
import type { UserFilter, UserOrder, UserProperty, UserSearch } from '../domain/graph-query.js';
import { foldForSearch, likePrefix } from '../domain/search.js';

/** A person with what Graph's user shows: name parts and title (from provisioning) and licenses. */
export interface GraphUserRow {
  id: string;
  displayName: string;
  email: string;
  usageLocation: string | null;
  status: 'active' | 'disabled';
  givenName: string | null;
  surname: string | null;
  jobTitle: string | null;
  createdAt: Date;
  assignedLicenses: { skuId: string; disabledPlans: string[] }[];
  sortKey: string;
}

/** Each filterable property as SQL on people `p`, compared in lower case (Entra's string comparisons ignore case). */
const COLUMNS: Record<UserProperty, string> = {
  id: 'p.id::text',
  displayName: 'lower(p.display_name)',
  mail: 'p.email',
  userPrincipalName: 'p.email',
  givenName: "lower(p.scim_attributes #>> '{name,givenName}')",
  surname: "lower(p.scim_attributes #>> '{name,familyName}')",
  jobTitle: "lower(p.scim_attributes ->> 'title')",
  accountEnabled: "(p.status = 'active')",
  usageLocation: 'lower(p.usage_location)',
};
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);
/** Words of a text for $search: split at spaces and punctuation, as Entra tokenizes. */
const WORDS = (sql: string) => `(' ' || regexp_replace(${sql}, '[[:space:][:punct:]]+', ' ', 'g'))`;
const SEARCHED: Record<UserSearch[number][number]['property'], string> = {
  displayName: WORDS('p.search_name'),
  mail: WORDS('p.email'),
  userPrincipalName: WORDS('p.email'),
  givenName: WORDS(COLUMNS.givenName),
  surname: WORDS(COLUMNS.surname),
};

function whereOf(q: { filter?: UserFilter | undefined; search?: UserSearch | undefined }, params: unknown[]): string {
  const param = (v: unknown, cast: string) => {
    params.push(v);
    return `$${params.length}::${cast}`;
  };
  const value = (v: string | boolean) =>
    typeof v === 'boolean' ? param(v, 'boolean') : param(v.toLowerCase(), 'text');
  const toSql = (f: UserFilter): string => {
    switch (f.op) {
      case 'and':
      case 'or':
        return `(${f.items.map(toSql).join(` ${f.op.toUpperCase()} `)})`;
      // a missing value is "not equal" too: NOT over SQL's unknown would drop it
      case 'not':
        return `((${toSql(f.item)}) IS NOT TRUE)`;
      case 'eq':
        return f.value === null ? `(${COLUMNS[f.property]} IS NULL)` : `(${COLUMNS[f.property]} = ${value(f.value)})`;
      case 'ne':
        return f.value === null
          ? `(${COLUMNS[f.property]} IS NOT NULL)`
          : `(${COLUMNS[f.property]} IS DISTINCT FROM ${value(f.value)})`;
      case 'in': {
        const values = f.values.filter((v) => v !== null);
        const listed = values.length
          ? `${COLUMNS[f.property]} = ANY(${param(
              values.map((v) => String(v).toLowerCase()),
              'text[]',
            )})`
          : 'FALSE';
        return f.values.includes(null) ? `(${listed} OR ${COLUMNS[f.property]} IS NULL)` : `(${listed})`;
      }
      case 'startswith':
        // the display name through its folded, indexed column, as the portal's own search
        return f.property === 'displayName'
          ? `(p.search_name LIKE ${param(likePrefix(f.value), 'text')})`
          : `(${COLUMNS[f.property]} LIKE ${param(escapeLike(f.value.toLowerCase()) + '%', 'text')})`;
      case 'endswith':
        return `(${COLUMNS[f.property]} LIKE ${param('%' + escapeLike(f.value.toLowerCase()), 'text')})`;
      case 'hasLicense':
        return `EXISTS (SELECT 1 FROM license_assignments la JOIN products pr ON pr.id = la.product_id
                 WHERE la.org_id = p.org_id AND la.person_id = p.id AND pr.sku_id = ${param(f.skuId, 'uuid')})`;
    }
  };
  const conditions = ['p.org_id = $1', 'p.deleted_at IS NULL'];
  if (q.filter) conditions.push(toSql(q.filter));
  if (q.search) {
    const clause = (c: UserSearch[number][number]) => {
      const term = foldForSearch(c.term)
        .replace(/[\s\p{P}]+/gu, ' ')
        .trim();
      return `${SEARCHED[c.property]} LIKE ${param(`% ${escapeLike(term)}%`, 'text')}`;
    };
    conditions.push(`(${q.search.map((group) => `(${group.map(clause).join(' AND ')})`).join(' OR ')})`);
  }
  return conditions.join(' AND ');
}

const SELECT = `p.id, p.display_name AS "displayName", p.email, p.usage_location AS "usageLocation", p.status,
  p.scim_attributes #>> '{name,givenName}' AS "givenName", p.scim_attributes #>> '{name,familyName}' AS surname,
  p.scim_attributes ->> 'title' AS "jobTitle", p.created_at AS "createdAt",
  coalesce((SELECT jsonb_agg(jsonb_build_object('skuId', pr.sku_id, 'disabledPlans', coalesce(dp.service_plan_ids, '{}')) ORDER BY pr.sort_order)
              FROM license_assignments la JOIN products pr ON pr.id = la.product_id
              LEFT JOIN license_disabled_plans dp ON dp.org_id = la.org_id AND dp.subscription_id = la.subscription_id AND dp.person_id = la.person_id
             WHERE la.org_id = p.org_id AND la.person_id = p.id), '[]') AS "assignedLicenses"`;
const SORT_KEY: Record<UserOrder['property'], string> = { displayName: 'p.search_name', userPrincipalName: 'p.email' };

/** A page of the organization's people matching a Graph query, keyset-paged in the order asked. */
export function listGraphUsers(
  db: Queryable,
  orgId: string,
  q: {
    filter?: UserFilter | undefined;
    search?: UserSearch | undefined;
    order: UserOrder;
    after?: { key: string; id: string } | undefined;
    limit: number;
  },
): Promise<GraphUserRow[]> {
  const params: unknown[] = [orgId];
  let where = whereOf(q, params);
  const key = SORT_KEY[q.order.property];
  const direction = q.order.descending ? 'DESC' : 'ASC';
  if (q.after) {
    params.push(q.after.key, q.after.id);
    where += ` AND (${key}, p.id) ${q.order.descending ? '<' : '>'} ($${params.length - 1}, $${params.length}::uuid)`;
  }
  params.push(q.limit);
  return db.query<GraphUserRow>(
    `SELECT ${SELECT}, ${key} AS "sortKey" FROM people p WHERE ${where}
      ORDER BY ${key} ${direction}, p.id ${direction} LIMIT $${params.length}`,
    params,
  );
}

/** How many people match (Graph's $count). */
export async function countGraphUsers(
  db: Queryable,
  orgId: string,
  q: { filter?: UserFilter | undefined; search?: UserSearch | undefined },
): Promise<number> {
  const params: unknown[] = [orgId];
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM people p WHERE ${whereOf(q, params)}`,
    params,
  );
  return row!.n;
}

/** One person of the organization, by id or by e-mail (Graph's userPrincipalName). */
export async function findGraphUser(
  db: Queryable,
  orgId: string,
  by: { id: string } | { email: string },
): Promise<GraphUserRow | undefined> {
  const [row] = await db.query<GraphUserRow>(
    `SELECT ${SELECT}, p.search_name AS "sortKey" FROM people p
      WHERE p.org_id = $1 AND p.deleted_at IS NULL AND ${'id' in by ? 'p.id = $2::uuid' : 'p.email = $2'}`,
    [orgId, 'id' in by ? by.id : by.email.toLowerCase()],
  );
  return row;
}
