import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { lastTwelveMonths, spendSeries } from '../../domain/spend.js';
import { ownerSpendByMonth } from '../../db/invoices.js';

/**
 * What the caller's own invoices (those their invoice list shows) cost over the last twelve
 * months, month by month: invoices minus credit notes, a series per currency billed (none
 * without invoices), however many invoices there are.
 */
export async function getMySpend(deps: Deps, actor: Actor) {
  const { from, to, months } = lastTwelveMonths(deps.clock.now());
  const rows = await ownerSpendByMonth(deps.db, actor.orgId, actor.personId, from, to);
  return { from, to, items: spendSeries(months, rows) };
}
