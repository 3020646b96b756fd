import type { Deps } from '../deps.js';
import { findCatalogProduct, lockProduct, priceChangesOf, type PriceList } from '../../db/products.js';
import { notFound } from '../../domain/errors.js';
import { changePrices } from './change-prices.js';

/**
 * New list prices for a product (only the currencies and terms given): new purchases pay them at
 * once, running subscriptions at their next renewal, and their buyers are told now.
 */
export async function setProductPrices(deps: Deps, id: string, prices: PriceList) {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    if (!(await lockProduct(tx, id))) throw notFound('The product');
    const { changed, subscriptions } = await changePrices(tx, now, priceChangesOf(id, prices));
    return {
      product: (await findCatalogProduct(tx, id))!,
      changedPrices: changed,
      subscriptionsNotified: subscriptions,
    };
  });
}
