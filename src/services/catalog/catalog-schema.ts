import { Type, type Static } from 'typebox';
import { CURRENCIES } from '../../domain/money.js';

const UUID = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
const Amount = Type.Integer({
  minimum: 1,
  maximum: 100_000_000,
  description: 'one license for one month, minor units (cents)',
});
const TermPrices = Type.Object(
  { monthly: Type.Optional(Amount), annual: Type.Optional(Amount) },
  { additionalProperties: false, minProperties: 1 },
);

/** Prices by currency and term; on a change, only what is given changes. */
export const PriceListInput = Type.Object(Object.fromEntries(CURRENCIES.map((c) => [c, Type.Optional(TermPrices)])), {
  additionalProperties: false,
  minProperties: 1,
  description: 'price of one license for one month in minor units, by currency and term',
});

const ServicePlanInput = Type.Object(
  {
    servicePlanId: Type.String({ pattern: UUID }),
    servicePlanName: Type.String({ minLength: 1, maxLength: 100 }),
    appliesTo: Type.Optional(Type.String({ minLength: 1, maxLength: 20, description: 'User (default) or Company' })),
  },
  { additionalProperties: false },
);

/** What the operator may change on a product after creating it (not its ids). */
export const ProductChanges = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  description: Type.String({ maxLength: 2000 }),
  servicePlans: Type.Array(ServicePlanInput, { maxItems: 100 }),
  selfServiceEligible: Type.Boolean({ description: 'members may buy it for themselves (else admins only)' }),
  trialDays: Type.Integer({ minimum: 0, maximum: 365 }),
  trialRequiresPaymentMethod: Type.Boolean(),
  retired: Type.Boolean({ description: 'not sold any more; running subscriptions go on and renew' }),
};

export const ProductInput = Type.Object(
  {
    id: Type.String({ pattern: '^[A-Z0-9]{12}$', description: 'the commerce product id, 12 capitals and digits' }),
    skuId: Type.String({ pattern: UUID }),
    skuPartNumber: Type.String({ pattern: '^[A-Za-z0-9_]{1,64}$' }),
    name: ProductChanges.name,
    description: Type.Optional(ProductChanges.description),
    servicePlans: Type.Optional(ProductChanges.servicePlans),
    selfServiceEligible: ProductChanges.selfServiceEligible,
    trialDays: Type.Optional(ProductChanges.trialDays),
    trialRequiresPaymentMethod: Type.Optional(ProductChanges.trialRequiresPaymentMethod),
    retired: Type.Optional(ProductChanges.retired),
    prices: PriceListInput,
  },
  { additionalProperties: false },
);

export type ProductInput = Static<typeof ProductInput>;

/** SELFSERVE_CATALOG: the operator's products, in JSON or YAML. */
export const CatalogFile = Type.Object(
  { products: Type.Array(ProductInput, { minItems: 1 }) },
  { additionalProperties: false },
);
