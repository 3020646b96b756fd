import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { assignedUsersByPurchaser } from '../../db/admin.js';
import type { Table } from '../../domain/csv.js';
import { requireAdminReader } from './access.js';

/** "Export users": who holds a license, grouped by the person who bought it, as a table to export. */
export async function exportAssignedUsers(deps: Deps, actor: Actor): Promise<Table> {
  requireAdminReader(actor);
  const rows = await assignedUsersByPurchaser(deps.db, actor.orgId);
  return {
    name: 'self-service-users',
    columns: [
      { header: { fr: 'Acheteur', en: 'Purchaser' }, type: 'text' },
      { header: { fr: "E-mail de l'acheteur", en: 'Purchaser email' }, type: 'text' },
      { header: { fr: 'Produit', en: 'Product' }, type: 'text' },
      { header: { fr: 'Utilisateur', en: 'User' }, type: 'text' },
      { header: { fr: "E-mail de l'utilisateur", en: 'User email' }, type: 'text' },
      { header: { fr: 'Attribuée le', en: 'Assigned at' }, type: 'instant' },
    ],
    rows: rows.map((r) => [r.buyerName, r.buyerEmail, r.product, r.userName, r.userEmail, r.assignedAt]),
  };
}
