import type { Queryable } from '../../db/database.js';
import { setPrices, type PriceChange } from '../../db/products.js';
import { schedulePriceChanges } from '../../db/price-changes.js';
import { notify } from '../notifications/notify.js';

const shown = (amount: number, currency: string) => `${(amount / 100).toFixed(2)} ${currency}`;

/**
 * New list prices, in the caller's transaction: new purchases pay them at once; each running
 * subscription moves to its new price at its next renewal, and its buyer is told now. Returns
 * how many prices changed and how many subscriptions will follow.
 */
export async function changePrices(
  tx: Queryable,
  now: Date,
  prices: PriceChange[],
): Promise<{ changed: number; subscriptions: number }> {
  const changed = await setPrices(tx, prices, now);
  const scheduled = changed.length ? await schedulePriceChanges(tx, changed, now) : [];
  for (const s of scheduled) {
    await notify(tx, now, {
      orgId: s.orgId,
      personId: s.buyerId,
      kind: 'price_changed',
      payload: {
        subscriptionId: s.subscriptionId,
        product: s.productName,
        currency: s.currency,
        from: s.from,
        to: s.to,
        price: shown(s.to, s.currency),
        appliesAt: new Date(s.appliesAt).toISOString(),
      },
      dedupeKey: `price_changed:${s.subscriptionId}:${now.toISOString()}`,
    });
  }
  return { changed: changed.length, subscriptions: scheduled.length };
}
