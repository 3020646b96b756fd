import type { Deps } from '../deps.js';
import { isUniqueViolation } from '../../db/database.js';
import { priceChangesOf, upsertProductRows, type NewProduct } from '../../db/products.js';
import { changePrices } from './change-prices.js';
import { CatalogFileError, readCatalogFile } from './read-catalog-file.js';

/**
 * At start: the operator's catalog file (SELFSERVE_CATALOG), else the one given (the demo's). Products are
 * added or brought up to date (none removed: retire one with `retired: true`); a price that
 * changed reaches running subscriptions at their next renewal, their buyers told now.
 */
export async function loadCatalog(deps: Deps, path: string | undefined, otherwise: NewProduct[] = []): Promise<void> {
  const products = path ? await readCatalogFile(path) : otherwise;
  const now = deps.clock.now();
  await deps.db
    .transaction(async (tx) => {
      await upsertProductRows(tx, products, now);
      await changePrices(
        tx,
        now,
        products.flatMap((p) => priceChangesOf(p.id, p.prices)),
      );
    })
    .catch((err: unknown) => {
      if (path && isUniqueViolation(err)) {
        throw new CatalogFileError(path, [
          `a skuId or skuPartNumber belongs to another product already in the database (${(err as { detail?: string }).detail ?? ''})`,
        ]);
      }
      throw err;
    });
}
