import type { Queryable } from './database.js';
import type { Currency } from '../domain/money.js';

export type Term = 'monthly' | 'annual';

export interface ServicePlan {
  servicePlanId: string;
  servicePlanName: string;
  appliesTo: string;
}

export interface Product {
  id: string;
  skuId: string;
  skuPartNumber: string;
  name: string;
  description: string;
  servicePlans: ServicePlan[];
  selfServiceEligible: boolean;
  trialDays: number;
  trialRequiresPaymentMethod: boolean;
  /** price of one license for one month, minor units, in the currency asked for; null when not for sale (retired, or no price there) */
  prices: { monthly: number | null; annual: number | null };
}

/** Prices of one license for one month, minor units, by currency and term (a currency may be left out). */
export type PriceList = Partial<Record<Currency, Partial<Record<Term, number>>>>;

export interface NewProduct extends Omit<Product, 'prices'> {
  prices: PriceList;
  /** not sold any more; running subscriptions go on */
  retired?: boolean;
}

const COLUMNS = `p.id, p.sku_id AS "skuId", p.sku_part_number AS "skuPartNumber", p.name, p.description,
  p.service_plans AS "servicePlans", p.self_service_eligible AS "selfServiceEligible",
  p.trial_days AS "trialDays", p.trial_requires_payment_method AS "trialRequiresPaymentMethod",
  jsonb_build_object(
    'monthly', (SELECT monthly_amount FROM product_prices WHERE product_id = p.id AND currency = $1 AND term = 'monthly' AND p.retired_at IS NULL),
    'annual', (SELECT monthly_amount FROM product_prices WHERE product_id = p.id AND currency = $1 AND term = 'annual' AND p.retired_at IS NULL)
  ) AS prices`;

/** The products on sale, priced in the currency. */
export function listProducts(db: Queryable, currency: Currency): Promise<Product[]> {
  return db.query<Product>(
    `SELECT ${COLUMNS} FROM products p WHERE p.retired_at IS NULL ORDER BY p.sort_order, p.name`,
    [currency],
  );
}

/** A product, retired or not (running subscriptions still need it); a retired one has no price, so it cannot be bought. */
export async function findProduct(db: Queryable, id: string, currency: Currency): Promise<Product | undefined> {
  const [row] = await db.query<Product>(`SELECT ${COLUMNS} FROM products p WHERE p.id = $2`, [currency, id]);
  return row;
}

/** A product as the operator manages it: every price, the price history and whether it is retired. */
export interface CatalogProduct extends Omit<Product, 'prices'> {
  prices: PriceList;
  retiredAt: Date | null;
  priceHistory: { currency: Currency; term: Term; amount: number; effectiveFrom: Date | null }[];
}

const CATALOG_COLUMNS = `p.id, p.sku_id AS "skuId", p.sku_part_number AS "skuPartNumber", p.name, p.description,
  p.service_plans AS "servicePlans", p.self_service_eligible AS "selfServiceEligible",
  p.trial_days AS "trialDays", p.trial_requires_payment_method AS "trialRequiresPaymentMethod", p.retired_at AS "retiredAt",
  (SELECT coalesce(jsonb_object_agg(c.currency, c.terms), '{}') FROM
     (SELECT currency, jsonb_object_agg(term, monthly_amount) AS terms FROM product_prices WHERE product_id = p.id GROUP BY currency) c) AS prices,
  (SELECT coalesce(jsonb_agg(jsonb_build_object('currency', v.currency, 'term', v.term, 'amount', v.monthly_amount,
            'effectiveFrom', CASE WHEN v.effective_from = '-infinity' THEN NULL ELSE v.effective_from END)
          ORDER BY v.effective_from DESC, v.currency, v.term), '[]')
     FROM product_price_versions v WHERE v.product_id = p.id) AS "priceHistory"`;

export function listCatalog(db: Queryable): Promise<CatalogProduct[]> {
  return db.query<CatalogProduct>(`SELECT ${CATALOG_COLUMNS} FROM products p ORDER BY p.sort_order, p.name`);
}

export async function findCatalogProduct(db: Queryable, id: string): Promise<CatalogProduct | undefined> {
  const [row] = await db.query<CatalogProduct>(`SELECT ${CATALOG_COLUMNS} FROM products p WHERE p.id = $1`, [id]);
  return row;
}

/** Locks the product row: price changes of one product go one at a time. */
export async function lockProduct(db: Queryable, id: string): Promise<boolean> {
  return (await db.query('SELECT id FROM products WHERE id = $1 FOR UPDATE', [id])).length > 0;
}

/**
 * Brings the products to what is given (prices apart: see setPrices), in one statement. A product
 * listed before keeps its place in the order unless `ordered`.
 */
export async function upsertProductRows(
  db: Queryable,
  products: Omit<NewProduct, 'prices'>[],
  now: Date | null,
  ordered = true,
): Promise<void> {
  await db.query(
    `INSERT INTO products (id, sku_id, sku_part_number, name, description, service_plans,
       self_service_eligible, trial_days, trial_requires_payment_method, sort_order, retired_at)
     SELECT p.id, p.sku_id, p.sku_part_number, p.name, p.description, p.service_plans,
            p.self_service_eligible, p.trial_days, p.trial_requires_payment_method,
            coalesce(p.sort_order, (SELECT coalesce(max(sort_order), 0) + 1 FROM products)), CASE WHEN p.retired THEN coalesce($2::timestamptz, now()) END
       FROM jsonb_to_recordset($1::jsonb) AS p(id text, sku_id uuid, sku_part_number text, name text, description text,
            service_plans jsonb, self_service_eligible boolean, trial_days int, trial_requires_payment_method boolean, sort_order int, retired boolean)
     ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, description = EXCLUDED.description,
       service_plans = EXCLUDED.service_plans, self_service_eligible = EXCLUDED.self_service_eligible,
       trial_days = EXCLUDED.trial_days, trial_requires_payment_method = EXCLUDED.trial_requires_payment_method,
       sort_order = coalesce(EXCLUDED.sort_order, products.sort_order),
       retired_at = CASE WHEN EXCLUDED.retired_at IS NULL THEN NULL ELSE coalesce(products.retired_at, EXCLUDED.retired_at) END`,
    [
      JSON.stringify(
        products.map((p, i) => ({
          id: p.id,
          sku_id: p.skuId,
          sku_part_number: p.skuPartNumber,
          name: p.name,
          description: p.description,
          service_plans: p.servicePlans,
          self_service_eligible: p.selfServiceEligible,
          trial_days: p.trialDays,
          trial_requires_payment_method: p.trialRequiresPaymentMethod,
          sort_order: ordered ? i : null,
          retired: p.retired === true,
        })),
      ),
      now,
    ],
  );
}

export interface PriceChange {
  productId: string;
  currency: Currency;
  term: Term;
  amount: number;
}

/**
 * Sets list prices for new purchases; those that differ from the current ones (or are new) are
 * recorded in the price history as of `now` (null: since always). Returns those.
 */
export function setPrices(db: Queryable, prices: PriceChange[], now: Date | null): Promise<PriceChange[]> {
  return db.query<PriceChange>(
    `WITH given AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS x("productId" text, currency text, term text, amount bigint)
     ), changed AS (
       SELECT g.* FROM given g LEFT JOIN product_prices pp ON pp.product_id = g."productId" AND pp.currency = g.currency AND pp.term = g.term
        WHERE pp.monthly_amount IS DISTINCT FROM g.amount
     ), history AS (
       INSERT INTO product_price_versions (product_id, currency, term, monthly_amount, effective_from)
       SELECT "productId", currency, term, amount, coalesce($2::timestamptz, '-infinity') FROM changed
       ON CONFLICT (product_id, currency, term, effective_from) DO UPDATE SET monthly_amount = EXCLUDED.monthly_amount
     ), saved AS (
       INSERT INTO product_prices (product_id, currency, term, monthly_amount)
       SELECT "productId", currency, term, amount FROM changed
       ON CONFLICT (product_id, currency, term) DO UPDATE SET monthly_amount = EXCLUDED.monthly_amount
     )
     SELECT "productId", currency, term, amount FROM changed`,
    [JSON.stringify(prices), now],
  );
}

export const priceChangesOf = (productId: string, prices: PriceList): PriceChange[] =>
  Object.entries(prices).flatMap(([currency, byTerm]) =>
    Object.entries(byTerm).map(([term, amount]) => ({
      productId,
      currency: currency as Currency,
      term: term as Term,
      amount: amount,
    })),
  );

/** Brings the catalog to the given products and prices (the demo catalog, at every start of a test database). */
export async function upsertProducts(db: Queryable, products: NewProduct[]): Promise<void> {
  await upsertProductRows(db, products, null);
  await setPrices(
    db,
    products.flatMap((p) => priceChangesOf(p.id, p.prices)),
    null,
  );
}
