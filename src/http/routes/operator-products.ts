import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../services/deps.js';
import { PriceListInput, ProductChanges, ProductInput } from '../../services/catalog/catalog-schema.js';
import { getCatalogProduct, listCatalogProducts } from '../../services/catalog/list-catalog.js';
import { createProduct } from '../../services/catalog/create-product.js';
import { updateProduct } from '../../services/catalog/update-product.js';
import { setProductPrices } from '../../services/catalog/set-product-prices.js';
import { CURRENCIES } from '../../domain/money.js';
import { operatorGroup } from '../operator-auth.js';
import { listRoute } from '../route-kinds.js';
import { CurrencyCode, DateTime, Nullable, problems, ref, Term } from '../schemas.js';
import { productProperties } from './products.js';

const Prices = Type.Object(
  Object.fromEntries(
    CURRENCIES.map((c) => [
      c,
      Type.Optional(
        Type.Object({
          monthly: Type.Optional(Type.Integer()),
          annual: Type.Optional(Type.Integer()),
        }),
      ),
    ]),
  ),
  { description: 'price of one license for one month in minor units, by currency and term' },
);

export const CatalogProduct = Type.Object(
  {
    ...productProperties(Type.String()),
    prices: Prices,
    retiredAt: Nullable(DateTime),
    priceHistory: Type.Array(
      Type.Object({
        currency: CurrencyCode,
        term: Term,
        amount: Type.Integer(),
        effectiveFrom: Nullable(DateTime),
      }),
      { description: 'every list price, newest first (effectiveFrom null: since the product was loaded first)' },
    ),
  },
  { $id: 'CatalogProduct' },
);

const ProductParams = Type.Object({ id: Type.String({ pattern: '^[A-Z0-9]{12}$' }) });

/**
 * The operator's catalog, beside SELFSERVE_CATALOG: add products, change them, retire them from
 * sale, change prices (new purchases at once, running subscriptions at their next renewal).
 */
export const operatorProductRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  const { config, tags } = operatorGroup(app, deps);

  listRoute(
    app,
    '/api/operator/products',
    ref(CatalogProduct),
    { config, tags, summary: 'Every product, retired ones too, with all prices', problems: [401, 404] },
    () => listCatalogProducts(deps),
  );

  app.get(
    '/api/operator/products/:id',
    {
      config,
      schema: {
        tags,
        summary: 'A product with its price history',
        params: ProductParams,
        response: { 200: ref(CatalogProduct), ...problems(401, 404) },
      },
    },
    async (request) => getCatalogProduct(deps, request.params.id),
  );

  app.post(
    '/api/operator/products',
    {
      config,
      schema: {
        tags,
        summary: 'Add a product to the catalog',
        body: ProductInput,
        response: { 201: ref(CatalogProduct), ...problems(400, 401, 404, 409) },
      },
    },
    async (request, reply) => reply.code(201).send(await createProduct(deps, request.body)),
  );

  app.patch(
    '/api/operator/products/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Change a product, or retire it from sale (retired: true): its running subscriptions go on',
        params: ProductParams,
        body: Type.Object(Object.fromEntries(Object.entries(ProductChanges).map(([k, v]) => [k, Type.Optional(v)])), {
          additionalProperties: false,
          minProperties: 1,
        }),
        response: { 200: ref(CatalogProduct), ...problems(400, 401, 404) },
      },
    },
    async (request) => updateProduct(deps, request.params.id, request.body),
  );

  app.put(
    '/api/operator/products/:id/prices',
    {
      config,
      schema: {
        tags,
        summary:
          'New prices: for new purchases at once, for running subscriptions at their next renewal (their buyers are told now)',
        params: ProductParams,
        body: PriceListInput,
        response: {
          200: Type.Object({
            product: ref(CatalogProduct),
            changedPrices: Type.Integer(),
            subscriptionsNotified: Type.Integer(),
          }),
          ...problems(400, 401, 404),
        },
      },
    },
    async (request) => setProductPrices(deps, request.params.id, request.body),
  );
};
