import type { Deps } from '../deps.js';
import { findCatalogProduct, lockProduct, upsertProductRows } from '../../db/products.js';
import { notFound } from '../../domain/errors.js';
import type { ProductInput } from './catalog-schema.js';
import { productOf } from './read-catalog-file.js';

export type ProductUpdate = Partial<Omit<ProductInput, 'id' | 'skuId' | 'skuPartNumber' | 'prices'>>;

/**
 * Changes what a product says or whether it is on sale. Retiring it takes it off sale (the store
 * no longer lists it, a purchase is refused) while its running subscriptions go on and renew.
 */
export async function updateProduct(deps: Deps, id: string, changes: ProductUpdate) {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    if (!(await lockProduct(tx, id))) throw notFound('The product');
    const current = (await findCatalogProduct(tx, id))!;
    const merged = productOf({ ...current, retired: current.retiredAt !== null, ...changes, prices: {} });
    await upsertProductRows(tx, [merged], now, false);
    return (await findCatalogProduct(tx, id))!;
  });
}
