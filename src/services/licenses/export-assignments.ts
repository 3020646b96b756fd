import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { listAssignments } from '../../db/license-assignments.js';
import type { Table } from '../../domain/csv.js';
import { getSubscription } from '../subscriptions/get-subscription.js';

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
