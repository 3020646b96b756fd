import type { Deps } from '../deps.js';
import { isUniqueViolation } from '../../db/database.js';
import { findCatalogProduct, priceChangesOf, upsertProductRows } from '../../db/products.js';
import { AppError } from '../../domain/errors.js';
import type { ProductInput } from './catalog-schema.js';
import { productOf } from './read-catalog-file.js';
import { changePrices } from './change-prices.js';

/** The operator adds a product to the catalog, on sale at once (unless created retired), listed last. */
export async function createProduct(deps: Deps, input: ProductInput) {
  const product = productOf(input);
  const now = deps.clock.now();
  return deps.db
    .transaction(async (tx) => {
      if (await findCatalogProduct(tx, product.id))
        throw new AppError('conflict', `The product ${product.id} exists already.`);
      await upsertProductRows(tx, [product], now, false);
      await changePrices(tx, now, priceChangesOf(product.id, product.prices));
      return (await findCatalogProduct(tx, product.id))!;
    })
    .catch((err: unknown) => {
      if (isUniqueViolation(err)) throw new AppError('conflict', 'Another product has this skuId or skuPartNumber.');
      throw err;
    });
}
