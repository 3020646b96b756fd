import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { listInvoices } from '../../db/invoices.js';
import { decodeCursor, encodeCursor, isUuid } from '../../domain/cursor.js';
import { isInstant } from '../../domain/storable.js';
import { invoiceRange } from '../../domain/invoice-range.js';
import { money } from './invoice-money.js';

export interface InvoiceQuery {
  from?: string;
  to?: string;
  months?: number;
  cursor?: string;
  limit: number;
}

/** The caller's invoices and credit notes in a period (the last 3 months by default), newest first. */
export async function listMyInvoices(deps: Deps, actor: Actor, q: InvoiceQuery) {
  const { from, to } = invoiceRange(q.from, q.to, deps.clock.now(), q.months);
  const before = decodeCursor<{ issuedAt: string; id: string }>(q.cursor, (k) => isInstant(k.issuedAt) && isUuid(k.id));
  const rows = await listInvoices(deps.db, actor.orgId, actor.personId, { from, to, before, limit: q.limit + 1 });
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    items: page.map(money),
    nextCursor:
      rows.length > q.limit && last
        ? encodeCursor({ issuedAt: new Date(last.issuedAt).toISOString(), id: last.id })
        : null,
  };
}
