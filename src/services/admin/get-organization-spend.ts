import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import type { Currency } from '../../domain/money.js';
import { organizationSpendByMonth } from '../../db/invoices.js';
import { findOrganization } from '../../db/organizations.js';
import { requireAdminReader } from './access.js';

/** The twelve calendar months (UTC) ending with the current one: their keys (YYYY-MM) and the instants bounding them. */
function lastTwelveMonths(now: Date) {
  const start = (i: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11 + i, 1));
  return { from: start(0), to: start(12), months: Array.from({ length: 12 }, (_, i) => start(i).toISOString().slice(0, 7)) };
}

/**
 * What the whole organization spent over the last twelve months, month by month: invoices minus
 * credit notes, one series per currency (amounts of different currencies are never added), the
 * organization's own currency first and always there, months without spend at zero.
 */
export async function getOrganizationSpend(deps: Deps, actor: Actor) {
  requireAdminReader(actor);
  const { from, to, months } = lastTwelveMonths(deps.clock.now());
  const [org, rows] = await Promise.all([findOrganization(deps.db, actor.orgId), organizationSpendByMonth(deps.db, actor.orgId, from, to)]);
  const others = rows.map((r) => r.currency).filter((c) => c !== org!.currency).sort();
  const currencies: Currency[] = [org!.currency, ...new Set(others)];
  return {
    from, to,
    items: currencies.map((currency) => {
      const spent = new Map(rows.filter((r) => r.currency === currency).map((r) => [r.month, r.amount]));
      const byMonth = months.map((month) => ({ month, spend: { amount: spent.get(month) ?? 0, currency } }));
      return { currency, total: { amount: byMonth.reduce((sum, m) => sum + m.spend.amount, 0), currency }, months: byMonth };
    }),
  };
}
