import type { Deps } from '../deps.js';
import { findOrganization, listOrganizations as query } from '../../db/organizations.js';
import { listDomains } from '../../db/domains.js';
import { decodeCursor, encodeCursor, isUuid } from '../../domain/cursor.js';
import { notFound } from '../../domain/errors.js';
import { domainView } from '../domains/claims.js';

/** Every organization the operator runs, by name. */
export async function listOrganizations(deps: Deps, input: { limit: number; cursor?: string | undefined }) {
  const after = decodeCursor<{ name: string; id: string }>(
    input.cursor,
    (k) => typeof k.name === 'string' && isUuid(k.id),
  );
  const rows = await query(deps.db, { limit: input.limit + 1, after });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page,
    nextCursor: rows.length > input.limit && last ? encodeCursor({ name: last.name, id: last.id }) : null,
  };
}

/** One organization with its e-mail domains. */
export async function getOrganization(deps: Deps, id: string) {
  const organization = await findOrganization(deps.db, id);
  if (!organization) throw notFound('The organization');
  return { ...organization, domains: (await listDomains(deps.db, id)).map(domainView) };
}
