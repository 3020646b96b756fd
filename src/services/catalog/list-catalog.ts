import type { Deps } from '../deps.js';
import { findCatalogProduct, listCatalog } from '../../db/products.js';
import { notFound } from '../../domain/errors.js';

/** Every product, retired ones too, with all its prices: the operator's view. */
export async function listCatalogProducts(deps: Deps) {
  return { items: await listCatalog(deps.db) };
}

/** A product with its price history, newest first. */
export async function getCatalogProduct(deps: Deps, id: string) {
  const product = await findCatalogProduct(deps.db, id);
  if (!product) throw notFound('The product');
  return product;
}
