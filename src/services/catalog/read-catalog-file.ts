import { readFile } from 'node:fs/promises';
import { Value } from 'typebox/value';
import type { NewProduct } from '../../db/products.js';
import { CatalogFile, type ProductInput } from './catalog-schema.js';

/** A catalog file that cannot be loaded: every problem found, one a line, for the operator to fix at once. */
export class CatalogFileError extends Error {
  constructor(path: string, problems: string[]) {
    super(`SELFSERVE_CATALOG ${path} cannot be loaded:\n  ${problems.join('\n  ')}`);
    this.name = 'CatalogFileError';
  }
}

/** The defaults a product gets for what its entry leaves out. */
export const productOf = (p: ProductInput): NewProduct => ({
  id: p.id,
  skuId: p.skuId.toLowerCase(),
  skuPartNumber: p.skuPartNumber,
  name: p.name,
  description: p.description ?? '',
  servicePlans: (p.servicePlans ?? []).map((s) => ({
    servicePlanId: s.servicePlanId.toLowerCase(),
    servicePlanName: s.servicePlanName,
    appliesTo: s.appliesTo ?? 'User',
  })),
  selfServiceEligible: p.selfServiceEligible,
  trialDays: p.trialDays ?? 0,
  trialRequiresPaymentMethod: p.trialRequiresPaymentMethod ?? true,
  retired: p.retired ?? false,
  prices: p.prices,
});

/** "/products/2/prices/EUR" as the operator reads it: products[2] (CFQ7TTC0HD33).prices.EUR */
function where(instancePath: string, doc: unknown): string {
  const parts = instancePath.split('/').slice(1);
  if (parts.length === 0) return '(the file)';
  let text = parts[0]!;
  for (const [i, part] of parts.slice(1).entries()) {
    if (/^\d+$/.test(part)) {
      const id =
        parts[0] === 'products' && i === 0
          ? (doc as { products?: { id?: unknown }[] }).products?.[Number(part)]?.id
          : undefined;
      text += `[${part}]${typeof id === 'string' ? ` (${id})` : ''}`;
    } else text += `.${part}`;
  }
  return text;
}

/** Reads and checks the operator's catalog (JSON, or YAML for .yaml/.yml); throws CatalogFileError listing every problem. */
export async function readCatalogFile(path: string): Promise<NewProduct[]> {
  let doc: unknown;
  try {
    const text = await readFile(path, 'utf8');
    // the YAML parser is loaded only for a YAML file, not at every start
    doc = /\.ya?ml$/i.test(path) ? (await import('yaml')).parse(text) : JSON.parse(text);
  } catch (err) {
    throw new CatalogFileError(path, [(err as Error).message]);
  }
  const problems = [...Value.Errors(CatalogFile, doc)]
    .filter((e) => e.keyword !== 'boolean')
    .map(
      (e) =>
        `${where(e.instancePath, doc)}: ${e.keyword === 'additionalProperties' ? `unknown field ${e.params.additionalProperties.join(', ')}` : e.message}`,
    );
  if (problems.length) throw new CatalogFileError(path, problems);
  const products = (doc as { products: ProductInput[] }).products.map(productOf);
  for (const key of ['id', 'skuId', 'skuPartNumber'] as const) {
    const seen = new Set<string>();
    for (const p of products) {
      if (seen.has(p[key])) problems.push(`${key} ${p[key]} is given to more than one product`);
      seen.add(p[key]);
    }
  }
  if (problems.length) throw new CatalogFileError(path, problems);
  return products;
}
