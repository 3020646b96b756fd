import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../services/deps.js';
import { listProducts } from '../../services/catalog/list-products.js';
import { actorOf } from '../auth.js';
import { Money, problems, Uuid } from '../schemas.js';

export const ServicePlan = Type.Object({ servicePlanId: Uuid, servicePlanName: Type.String(), appliesTo: Type.String() });

export const Product = Type.Object({
  id: Type.String(),
  skuId: Uuid,
  skuPartNumber: Type.String(),
  name: Type.String(),
  description: Type.String(),
  servicePlans: Type.Array(ServicePlan),
  selfServiceEligible: Type.Boolean(),
  trialDays: Type.Integer(),
  trialRequiresPaymentMethod: Type.Boolean(),
  prices: Type.Object({
    monthly: Money,
    annual: Money,
  }, { description: 'price of one license for one month, by term' }),
});

export const productRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get('/api/products', {
    schema: {
      tags: ['catalog'],
      summary: "The catalog, priced in your organization's currency",
      response: { 200: Type.Object({ items: Type.Array(Product) }), ...problems(401) },
    },
  }, async (request) => {
    const { currency, products } = await listProducts(deps, actorOf(request));
    return {
      items: products.map((p) => ({
        ...p,
        prices: { monthly: { amount: p.prices.monthly, currency }, annual: { amount: p.prices.annual, currency } },
      })),
    };
  });
};
