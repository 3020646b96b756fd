import { Type, type TSchema } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Currency } from '../../domain/money.js';
import type { Deps } from '../../services/deps.js';
import { listProducts } from '../../services/catalog/list-products.js';
import { purchaseRights } from '../../services/subscriptions/caller-rights.js';
import { actorOf } from '../auth.js';
import { Money, Nullable, problems, ref, Uuid } from '../schemas.js';

const ServicePlan = Type.Object({
  servicePlanId: Uuid,
  servicePlanName: Type.String(),
  appliesTo: Type.String(),
});

/** A product as the catalog describes it, to buyers and to the operator: each documents skuId its own way. */
export const productProperties = <S extends TSchema>(skuId: S) => ({
  id: Type.String(),
  skuId,
  skuPartNumber: Type.String(),
  name: Type.String(),
  description: Type.String(),
  servicePlans: Type.Array(ServicePlan),
  selfServiceEligible: Type.Boolean(),
  trialDays: Type.Integer(),
  trialRequiresPaymentMethod: Type.Boolean(),
});

export const Product = Type.Object({
  ...productProperties(Uuid),
  prices: Type.Object(
    {
      monthly: Nullable(ref(Money)),
      annual: Nullable(ref(Money)),
    },
    {
      description:
        "price of one license for one month, by term: null when the term is not sold in the organization's currency",
    },
  ),
  can: Type.Object(
    {
      buy: Type.Boolean(),
      trial: Type.Boolean(),
      reason: Type.Union([
        Type.String({
          description:
            'why not: read_only, price_unavailable (no price in your currency), not_self_service_eligible, self_service_disabled, only_trials_allowed',
        }),
        Type.Null(),
      ]),
    },
    { description: "what the caller may do with it, by their role and the organization's self-service policy" },
  ),
});

/** A term's price in the organization's currency; null (not for sale), never 0, when there is none. */
const priced = (amount: number | null, currency: Currency) => (amount === null ? null : { amount, currency });

export const productRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/products',
    {
      schema: {
        tags: ['catalog'],
        summary: "The catalog, priced in your organization's currency",
        response: { 200: Type.Object({ items: Type.Array(Product) }), ...problems(401) },
      },
    },
    async (request) => {
      const { currency, products } = await listProducts(deps, actorOf(request));
      const rights = await purchaseRights(deps, actorOf(request), products);
      return {
        items: products.map((p) => ({
          ...p,
          can: rights.get(p.id)!,
          prices: {
            monthly: priced(p.prices.monthly, currency),
            annual: priced(p.prices.annual, currency),
          },
        })),
      };
    },
  );
};
