import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { assignedUsersByPurchaser, listSelfServicePurchases, purchasesByProduct, type PurchaseFilter } from '../../db/admin.js';
import { decodeCursor, encodeCursor, isUuid } from '../../domain/cursor.js';
import { isInstant } from '../../domain/storable.js';
import { termPrice } from '../../domain/pricing.js';
import type { Table } from '../../domain/csv.js';
import { requireAdminReader } from './access.js';
import { notFound } from '../../domain/errors.js';

/** The guide's read-only view: every member's self-service purchase, with its people. */
export async function listPurchases(deps: Deps, actor: Actor, q: Omit<PurchaseFilter, 'after'> & { cursor?: string | undefined }) {
  requireAdminReader(actor);
  const after = decodeCursor<{ createdAt: string; id: string }>(q.cursor, (k) => isInstant(k.createdAt) && isUuid(k.id));
  const rows = await listSelfServicePurchases(deps.db, actor.orgId, { ...q, after, limit: q.limit + 1 });
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ unitPrice, term, currency, createdAt: _, ...r }) => ({
      ...r,
      term,
      purchasePrice: { perLicense: { amount: unitPrice, currency }, perTerm: { amount: termPrice(unitPrice, term), currency }, total: { amount: termPrice(unitPrice, term) * r.licensesPurchased, currency } },
    })),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ createdAt: new Date(last.createdAt).toISOString(), id: last.id }) : null,
  };
}

export async function getPurchase(deps: Deps, actor: Actor, id: string) {
  const { items: [purchase] } = await listPurchases(deps, actor, { id, limit: 1 });
  if (!purchase) throw notFound('The self-service purchase');
  return purchase;
}

export async function listPurchasesByProduct(deps: Deps, actor: Actor) {
  requireAdminReader(actor);
  return { items: await purchasesByProduct(deps.db, actor.orgId) };
}

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
