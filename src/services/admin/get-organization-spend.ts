import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { lastTwelveMonths, spendSeries } from '../../domain/spend.js';
import { organizationSpendByMonth } from '../../db/invoices.js';
import { findOrganization } from '../../db/organizations.js';
import { requireAdminReader } from './access.js';

/**
 * What the whole organization spent over the last twelve months, month by month: invoices minus
 * credit notes, one series per currency, the organization's own currency first and always there.
 */
export async function getOrganizationSpend(deps: Deps, actor: Actor) {
  requireAdminReader(actor);
  const { from, to, months } = lastTwelveMonths(deps.clock.now());
  const [org, rows] = await Promise.all([
    findOrganization(deps.db, actor.orgId),
    organizationSpendByMonth(deps.db, actor.orgId, from, to),
  ]);
  return { from, to, items: spendSeries(months, rows, org!.currency) };
}
