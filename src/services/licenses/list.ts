import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { listAssignments } from '../../db/license-assignments.js';
import { decodeCursor, encodeCursor, isUuid } from '../../domain/cursor.js';
import type { Table } from '../../domain/csv.js';
import { getSubscription } from '../subscriptions/get-subscription.js';
import { listMySubscriptions } from '../subscriptions/list-my-subscriptions.js';

/** The Licenses page: each subscription the person may see, with its counts. */
export async function listLicenses(deps: Deps, actor: Actor) {
  const subs = await listMySubscriptions(deps, actor, {});
  return {
    items: subs.map((s) => ({
      subscriptionId: s.id,
      product: s.product,
      status: s.status,
      total: s.total,
      assigned: s.assigned,
      available: s.available,
      selfService: s.selfService,
      buyer: s.buyer,
    })),
  };
}

/** Who holds a license of the subscription: by name, paged. Seen by its buyer and the admin roles. */
export async function listSubscriptionAssignments(
  deps: Deps,
  actor: Actor,
  subscriptionId: string,
  q: { cursor?: string | undefined; limit: number },
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

/** Who holds a license of the subscription, as a table to export. */
export async function exportAssignments(deps: Deps, actor: Actor, subscriptionId: string): Promise<Table> {
  const sub = await getSubscription(deps, actor, subscriptionId);
  const rows = await listAssignments(deps.db, actor.orgId, subscriptionId, { limit: sub.total + 1 });
  return {
    name: 'assignments',
    columns: [
      { header: { fr: 'Nom', en: 'Name' }, type: 'text' },
      { header: { fr: 'E-mail', en: 'Email' }, type: 'text' },
      { header: { fr: "Pays d'utilisation", en: 'Usage location' }, type: 'text' },
      { header: { fr: 'Attribuée le', en: 'Assigned at' }, type: 'instant' },
      { header: { fr: 'Attribuée par', en: 'Assigned by' }, type: 'text' },
    ],
    rows: rows.map((a) => [
      a.person.displayName,
      a.person.email,
      a.person.usageLocation,
      a.assignedAt,
      a.assignedBy?.displayName ?? null,
    ]),
  };
}
