import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { listSelfServicePurchases, type PurchaseFilter } from '../../db/admin.js';
import { decodeCursor, encodeCursor, isUuid } from '../../domain/cursor.js';
import { isInstant } from '../../domain/storable.js';
import { termPrice } from '../../domain/pricing.js';
import { requireAdminReader } from './access.js';

/** The guide's read-only view: every member's self-service purchase, with its people. */
export async function listPurchases(
  deps: Deps,
  actor: Actor,
  q: Omit<PurchaseFilter, 'after'> & { cursor?: string | undefined },
) {
  requireAdminReader(actor);
  const after = decodeCursor<{ createdAt: string; id: string }>(
    q.cursor,
    (k) => isInstant(k.createdAt) && isUuid(k.id),
  );
  const rows = await listSelfServicePurchases(deps.db, actor.orgId, { ...q, after, limit: q.limit + 1 });
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ unitPrice, term, currency, createdAt: _, ...r }) => ({
      ...r,
      term,
      purchasePrice: {
        perLicense: { amount: unitPrice, currency },
        perTerm: { amount: termPrice(unitPrice, term), currency },
        total: { amount: termPrice(unitPrice, term) * r.licensesPurchased, currency },
      },
    })),
    nextCursor:
      rows.length > q.limit && last
        ? encodeCursor({ createdAt: new Date(last.createdAt).toISOString(), id: last.id })
        : null,
  };
}
