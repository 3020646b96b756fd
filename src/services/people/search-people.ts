import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { searchPeople as query, type Person } from '../../db/people.js';
import { decodeCursor, encodeCursor, isUuid } from '../../domain/cursor.js';

/** The directory: people of the caller's organization only, found by name or email prefix. */
export async function searchPeople(
  deps: Deps,
  actor: Actor,
  input: { search?: string | undefined; limit: number; cursor?: string | undefined },
): Promise<{ items: Person[]; nextCursor: string | null }> {
  const after = decodeCursor<{ searchName: string; id: string }>(
    input.cursor,
    (k) => typeof k.searchName === 'string' && isUuid(k.id),
  );
  const rows = await query(deps.db, actor.orgId, { search: input.search, limit: input.limit + 1, after });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ searchName: _, ...p }) => p),
    nextCursor: rows.length > input.limit && last ? encodeCursor({ searchName: last.searchName, id: last.id }) : null,
  };
}
