import type { Queryable } from './database.js';
import type { Currency } from '../domain/money.js';


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
  /** price of one license for one month, minor units, in the currency asked for */
  prices: { monthly: number; annual: number };
}

export interface NewProduct extends Omit<Product, 'prices'> {
  prices: Record<Currency, { monthly: number; annual: number }>;
}

const COLUMNS = `p.id, p.sku_id AS "skuId", p.sku_part_number AS "skuPartNumber", p.name, p.description,
  p.service_plans AS "servicePlans", p.self_service_eligible AS "selfServiceEligible",
  p.trial_days AS "trialDays", p.trial_requires_payment_method AS "trialRequiresPaymentMethod",
  jsonb_build_object(
    'monthly', (SELECT monthly_amount FROM product_prices WHERE product_id = p.id AND currency = $1 AND term = 'monthly'),
    'annual', (SELECT monthly_amount FROM product_prices WHERE product_id = p.id AND currency = $1 AND term = 'annual')
  ) AS prices`;

export function listProducts(db: Queryable, currency: Currency): Promise<Product[]> {
  return db.query<Product>(`SELECT ${COLUMNS} FROM products p ORDER BY p.sort_order, p.name`, [currency]);
}

export async function findProduct(db: Queryable, id: string, currency: Currency): Promise<Product | undefined> {
  const [row] = await db.query<Product>(`SELECT ${COLUMNS} FROM products p WHERE p.id = $2`, [currency, id]);
  return row;
}

/** Brings the catalog to the given products and prices in two statements (run at every start). */
export async function upsertProducts(db: Queryable, products: NewProduct[]): Promise<void> {
  await db.query(
    `INSERT INTO products (id, sku_id, sku_part_number, name, description, service_plans,
       self_service_eligible, trial_days, trial_requires_payment_method, sort_order)
     SELECT p.id, p.sku_id, p.sku_part_number, p.name, p.description, p.service_plans,
            p.self_service_eligible, p.trial_days, p.trial_requires_payment_method, p.sort_order
       FROM jsonb_to_recordset($1::jsonb) AS p(id text, sku_id uuid, sku_part_number text, name text, description text,
            service_plans jsonb, self_service_eligible boolean, trial_days int, trial_requires_payment_method boolean, sort_order int)
     ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, description = EXCLUDED.description,
       service_plans = EXCLUDED.service_plans, self_service_eligible = EXCLUDED.self_service_eligible,
       trial_days = EXCLUDED.trial_days, trial_requires_payment_method = EXCLUDED.trial_requires_payment_method,
       sort_order = EXCLUDED.sort_order`,
    [JSON.stringify(products.map((p, i) => ({
      id: p.id, sku_id: p.skuId, sku_part_number: p.skuPartNumber, name: p.name, description: p.description,
      service_plans: p.servicePlans, self_service_eligible: p.selfServiceEligible, trial_days: p.trialDays,
      trial_requires_payment_method: p.trialRequiresPaymentMethod, sort_order: i,
    })))],
  );
  await db.query(
    `INSERT INTO product_prices (product_id, currency, term, monthly_amount)
     SELECT product_id, currency, term, monthly_amount
       FROM jsonb_to_recordset($1::jsonb) AS x(product_id text, currency text, term text, monthly_amount bigint)
     ON CONFLICT (product_id, currency, term) DO UPDATE SET monthly_amount = EXCLUDED.monthly_amount`,
    [JSON.stringify(products.flatMap((p) => Object.entries(p.prices).flatMap(([currency, byTerm]) =>
      Object.entries(byTerm).map(([term, amount]) => ({ product_id: p.id, currency, term, monthly_amount: amount })))))],
  );
}
