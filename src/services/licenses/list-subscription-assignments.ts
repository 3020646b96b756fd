import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { listAssignments } from '../../db/license-assignments.js';
import { decodeCursor, encodeCursor, isUuid } from '../../domain/cursor.js';
import { getSubscription } from '../subscriptions/get-subscription.js';

/** Who holds a license of the subscription: by name, paged. Seen by its buyer and the admin roles. */
export async function listSubscriptionAssignments(
  deps: Deps,
  {
    actor,
    subscriptionId,
    page: q,
  }: { actor: Actor; subscriptionId: string; page: { cursor?: string | undefined; limit: number } },
) {
  await getSubscription(deps, actor, subscriptionId);
  const after = decodeCursor<{ name: string; id: string }>(q.cursor, (k) => typeof k.name === 'string' && isUuid(k.id));
  const rows = await listAssignments(deps.db, actor.orgId, subscriptionId, { after, limit: q.limit + 1 });
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ sortName: _, ...a }) => a),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ name: last.sortName, id: last.person.id }) : null,
  };
}
