import type { Deps } from '../deps.js';
import { countGraphUsers, listGraphUsers } from '../../db/graph-users.js';
import { AppError } from '../../domain/errors.js';
import { decodeCursor, encodeCursor, isUuid } from '../../domain/cursor.js';
import { checkAdvancedQuery, type UserFilter, type UserOrder, type UserSearch } from '../../domain/graph-query.js';
import { requireAppRole, type GraphCaller } from './caller.js';
import { shapeUser, type UserPropertyName } from './users.js';

export interface UsersQuery {
  filter?: UserFilter | undefined;
  search?: UserSearch | undefined;
  orderBy?: UserOrder | undefined;
  select?: UserPropertyName[] | undefined;
  top: number;
  skiptoken?: string | undefined;
  /** $count=true */
  count: boolean;
  /** the ConsistencyLevel: eventual header */
  eventual: boolean;
}

/**
 * GET /users: people of the caller's organization, filtered, searched and sorted as asked (or
 * refused as Graph refuses), a page at a time; @odata.count when the advanced query asks for it.
 */
export async function listUsers(deps: Deps, caller: GraphCaller, q: UsersQuery) {
  const actor = requireAppRole(caller, 'User.Read.All', 'User.ReadWrite.All');
  checkAdvancedQuery(q);
  const order = q.orderBy ?? { property: 'displayName', descending: false };
  const after = decodeCursor<{ key: string; id: string }>(
    q.skiptoken,
    (k) => typeof k.key === 'string' && isUuid(k.id),
  );
  const rows = await listGraphUsers(deps.db, actor.orgId, {
    filter: q.filter,
    search: q.search,
    order,
    after,
    limit: q.top + 1,
  });
  const page = rows.slice(0, q.top);
  const last = page.at(-1);
  return {
    users: page.map((u) => shapeUser(u, q.select)),
    // Graph ignores $count=true without ConsistencyLevel: eventual (the count is then left out)
    count: q.count && q.eventual ? await countGraphUsers(deps.db, actor.orgId, q) : undefined,
    next: rows.length > q.top && last ? encodeCursor({ key: last.sortKey, id: last.id }) : null,
  };
}

/** GET /users/$count: a plain number, only as an advanced query. */
export async function countUsers(
  deps: Deps,
  caller: GraphCaller,
  q: { filter?: UserFilter | undefined; search?: UserSearch | undefined; eventual: boolean },
) {
  const actor = requireAppRole(caller, 'User.Read.All', 'User.ReadWrite.All');
  if (!q.eventual) throw countNeedsEventual();
  checkAdvancedQuery({ ...q, count: true });
  return countGraphUsers(deps.db, actor.orgId, q);
}

const countNeedsEventual = () =>
  new AppError('unsupported_query', '$count is not currently supported.', { graphCode: 'Request_BadRequest' });
