import type { Deps } from '../deps.js';
import type { Queryable } from '../../db/database.js';
import { isUuid } from '../../domain/cursor.js';
import { listResponse, project, type ScimError, type ScimListQuery, type ScimResource } from '../../domain/scim.js';
import type { ScimCaller } from './authenticate.js';

/** How one resource type (Users, Groups) is read: a filtered, index-paged list, or one by id. */
export interface ReadableResources<R> {
  list(
    db: Queryable,
    orgId: string,
    page: { filter?: string | undefined; offset: number; limit: number },
  ): Promise<{ total: number; rows: R[] }>;
  find(db: Queryable, orgId: string, id: string): Promise<R | undefined>;
  resource(row: R, caller: ScimCaller): ScimResource;
  notFound(id: string): ScimError;
}

/** Which attributes to answer with (SCIM's `attributes` and `excludedAttributes`). */
export type ScimSelect = Pick<ScimListQuery, 'attributes' | 'excludedAttributes'>;

export async function listResources<R>(deps: Deps, caller: ScimCaller, q: ScimListQuery, type: ReadableResources<R>) {
  const { total, rows } = await type.list(deps.db, caller.orgId, {
    filter: q.filter,
    offset: q.startIndex - 1,
    limit: q.count,
  });
  return listResponse(
    total,
    q,
    rows.map((row) => project(type.resource(row, caller), q)),
  );
}

export async function getResource<R>(
  deps: Deps,
  { caller, id, ...select }: { caller: ScimCaller; id: string } & ScimSelect,
  type: ReadableResources<R>,
) {
  const row = isUuid(id) ? await type.find(deps.db, caller.orgId, id) : undefined;
  if (!row) throw type.notFound(id);
  return project(type.resource(row, caller), select);
}
