import type { Queryable } from './database.js';
import { filterToSql, type ScimColumn } from './scim-filter.js';

/** A SCIM list request (RFC 7644 §3.4.2): the filter, and the page by index. */
export interface ScimPageQuery {
  filter?: string | undefined;
  offset: number;
  limit: number;
}

/**
 * A page of the organization's resources matching a SCIM filter, in creation order, with the
 * total. `from` is the table with its condition on `$1`, the organization (and whatever hides a
 * row from provisioning); `filterable` the attributes a filter may name.
 */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- T is the row `columns` selects, named by the caller
export async function scimPage<T>(
  db: Queryable,
  orgId: string,
  q: ScimPageQuery,
  r: { from: string; columns: string; filterable: Record<string, ScimColumn>; order: string },
): Promise<{ total: number; rows: T[] }> {
  const params: unknown[] = [orgId];
  const where = q.filter ? ` AND ${filterToSql(q.filter, r.filterable, params)}` : '';
  const [count] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${r.from}${where}`, params);
  const rows =
    q.limit === 0
      ? []
      : await db.query<T>(
          `SELECT ${r.columns} FROM ${r.from}${where}
            ORDER BY ${r.order} OFFSET ${Math.trunc(q.offset)} LIMIT ${Math.trunc(q.limit)}`,
          params,
        );
  return { total: count!.n, rows };
}
