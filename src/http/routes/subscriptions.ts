import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../services/deps.js';
import { buySubscription } from '../../services/subscriptions/buy-subscription.js';
import { getSubscription } from '../../services/subscriptions/get-subscription.js';
import { listMySubscriptions } from '../../services/subscriptions/list-my-subscriptions.js';
import { setLicenseTotal } from '../../services/subscriptions/set-license-total.js';
import { cancelSubscription } from '../../services/subscriptions/cancel-subscription.js';
import { setAutoRenew } from '../../services/subscriptions/set-auto-renew.js';
import { reactivateSubscription } from '../../services/subscriptions/reactivate-subscription.js';
import { quotePurchase } from '../../services/subscriptions/quote.js';
import { quoteChange } from '../../services/subscriptions/quote-change.js';
import { CANCEL_REASONS } from '../../domain/lifecycle.js';
import { AppError } from '../../domain/errors.js';
import { actorOf } from '../auth.js';
import { oneRoute } from '../route-kinds.js';
import {
  CardInput,
  CurrencyCode,
  DateTime,
  IdParams,
  Money,
  Nullable,
  PaymentLabel,
  PaymentMethodSummary,
  PersonRef,
  problems,
  ProfileAddress,
  ref,
  SubscriptionStatus,
  Term,
  Uuid,
} from '../schemas.js';

const Quantity = Type.Integer({ minimum: 1, maximum: 10_000 });

export const Subscription = Type.Object(
  {
    id: Uuid,
    product: Type.Object({ id: Type.String(), skuId: Uuid, skuPartNumber: Type.String(), name: Type.String() }),
    buyer: ref(PersonRef),
    status: SubscriptionStatus,
    term: Term,
    total: Type.Integer({ description: 'licenses bought' }),
    assigned: Type.Integer(),
    available: Type.Integer(),
    pendingTotal: Nullable(Type.Integer({ description: 'a lower total that takes effect at renewal' })),
    termStart: DateTime,
    termEnd: DateTime,
    nextCharge: Nullable(Type.Object({ date: DateTime, amount: ref(Money) })),
    autoRenew: Type.Boolean(),
    price: ref(Money),
    selfService: Type.Boolean(),
    trial: Type.Boolean(),
    canceledAt: Nullable(DateTime),
    cancelReason: Nullable(Type.String()),
    billingProfile: Nullable(Type.Object({ id: Uuid, name: Type.String(), country: Type.String() })),
    paymentMethod: Nullable(PaymentMethodSummary),
    createdAt: DateTime,
    can: Type.Optional(
      Type.Object(
        {
          changeLicenses: Type.Boolean(),
          assignLicenses: Type.Boolean(),
          cancel: Type.Boolean(),
          reactivate: Type.Boolean(),
          autoRenew: Type.Boolean(),
          reason: Nullable(Type.String({ description: 'why changes are refused: read_only, read_only_for_admins' })),
        },
        { description: 'what the caller may do with it' },
      ),
    ),
  },
  { $id: 'Subscription' },
);

const BuyBody = Type.Object({
  productId: Type.String({ minLength: 1, maxLength: 40 }),
  quantity: Quantity,
  term: Term,
  trial: Type.Optional(Type.Boolean()),
  paymentMethodId: Type.Optional(Uuid),
  card: Type.Optional(ref(CardInput)),
  billingProfileId: Type.Optional(Uuid),
  billingProfile: Type.Optional(
    Type.Object({
      name: Type.String({ minLength: 1, maxLength: 200 }),
      address: ref(ProfileAddress),
      country: Type.String({ pattern: '^[A-Z]{2}$' }),
      currency: Type.Optional(CurrencyCode),
      invoiceEmail: Type.Optional(Type.String({ format: 'email', maxLength: 320 })),
    }),
  ),
});

const Quote = Type.Object({
  productId: Type.String(),
  quantity: Type.Integer(),
  term: Term,
  price: ref(Money),
  termPrice: ref(Money),
  subtotal: ref(Money),
  taxRateBp: Type.Integer({ description: 'VAT in basis points (2000 = 20 %)' }),
  tax: ref(Money),
  total: ref(Money),
  termStart: DateTime,
  termEnd: DateTime,
  trialDays: Type.Integer(),
});

const ChangeQuote = Type.Object({
  change: Type.Union([
    Type.Literal('more_licenses'),
    Type.Literal('fewer_licenses'),
    Type.Literal('fewer_licenses_at_renewal'),
    Type.Literal('no_change'),
    Type.Literal('cancel'),
    Type.Literal('cancel_at_term_end'),
    Type.Literal('reactivation'),
  ]),
  money: Type.Union([Type.Literal('charge'), Type.Literal('refund'), Type.Literal('none')]),
  quantity: Type.Integer({ description: 'licenses after the change' }),
  licenses: Type.Integer({ description: 'licenses charged for or refunded' }),
  subtotal: ref(Money),
  taxRateBp: Type.Integer(),
  tax: ref(Money),
  total: ref(Money),
  effectiveAt: DateTime,
  periodStart: DateTime,
  periodEnd: DateTime,
  card: Nullable(ref(PaymentLabel)),
});

export const subscriptionRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  const Ref = ref(Subscription);

  app.get(
    '/api/subscriptions',
    {
      schema: {
        tags: ['subscriptions'],
        summary: 'The subscriptions you bought (Billing > Your products)',
        querystring: Type.Object({ selfService: Type.Optional(Type.Boolean()) }),
        response: { 200: Type.Object({ items: Type.Array(Ref), nextCursor: Type.Null() }), ...problems(400, 401) },
      },
    },
    async (request) => ({ items: await listMySubscriptions(deps, actorOf(request), request.query), nextCursor: null }),
  );

  app.get(
    '/api/subscriptions/quote',
    {
      schema: {
        tags: ['subscriptions'],
        summary: 'What a purchase would cost: price, tax and total',
        querystring: Type.Object({
          productId: Type.String({ maxLength: 40 }),
          quantity: Quantity,
          term: Term,
          country: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$' })),
          billingProfileId: Type.Optional(Uuid),
        }),
        response: { 200: Quote, ...problems(400, 401, 404, 422) },
      },
    },
    async (request) => quotePurchase(deps, actorOf(request), request.query),
  );

  app.get(
    '/api/subscriptions/:id/quote',
    {
      schema: {
        tags: ['subscriptions'],
        summary: 'What a change would charge or refund, and when: a new total, or action=cancel or reactivate',
        params: IdParams,
        querystring: Type.Object({
          total: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
          action: Type.Optional(Type.Union([Type.Literal('cancel'), Type.Literal('reactivate')])),
        }),
        response: { 200: ChangeQuote, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const { total, action } = request.query;
      if ((total === undefined) === (action === undefined))
        throw new AppError('validation_failed', 'Give either total or action.');
      return quoteChange(deps, {
        actor: actorOf(request),
        subscriptionId: request.params.id,
        asked: total !== undefined ? { total } : { action: action! },
      });
    },
  );

  oneRoute(
    app,
    'GET',
    '/api/subscriptions/:id',
    Ref,
    { tags: ['subscriptions'], summary: 'One subscription', problems: [400, 401, 404] },
    (request, id) => getSubscription(deps, actorOf(request), id),
  );

  app.post(
    '/api/subscriptions',
    {
      schema: {
        tags: ['subscriptions'],
        summary: 'Buy a subscription or start a trial, paid by card (Idempotency-Key required)',
        body: BuyBody,
        response: { 201: Ref, ...problems(400, 401, 402, 403, 404, 409, 422) },
      },
      config: { idempotency: 'required' },
    },
    async (request, reply) => {
      const bought = await buySubscription(deps, {
        actor: actorOf(request),
        input: request.body,
        idempotencyKey: request.idempotencyKey!,
      });
      reply.code(201);
      return bought;
    },
  );

  app.put(
    '/api/subscriptions/:id/licenses',
    {
      schema: {
        tags: ['subscriptions'],
        summary: 'Buy or remove licenses: the new total (Idempotency-Key honoured)',
        params: IdParams,
        body: Type.Object({ total: Type.Integer({ minimum: 0, maximum: 10_000 }) }),
        response: { 200: Ref, ...problems(400, 401, 402, 403, 404, 409, 422) },
      },
      // the total is absolute: the same request twice changes it once, with or without a key
      config: { idempotency: 'optional' },
    },
    async (request) =>
      setLicenseTotal(deps, { actor: actorOf(request), subscriptionId: request.params.id, total: request.body.total }),
  );

  app.post(
    '/api/subscriptions/:id/cancel',
    {
      schema: {
        tags: ['subscriptions'],
        summary: 'Cancel: refunded and disabled within 7 days of the term start, otherwise runs to the term end',
        params: IdParams,
        body: Type.Object({
          reason: Type.Union(CANCEL_REASONS.map((r) => Type.Literal(r))),
          feedback: Type.Optional(Type.String({ maxLength: 2000 })),
        }),
        response: { 200: Ref, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      cancelSubscription(deps, { actor: actorOf(request), subscriptionId: request.params.id, ...request.body }),
  );

  app.put(
    '/api/subscriptions/:id/auto-renew',
    {
      schema: {
        tags: ['subscriptions'],
        summary: 'Turn recurring billing on or off',
        params: IdParams,
        body: Type.Object({ enabled: Type.Boolean() }),
        response: { 200: Ref, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      setAutoRenew(deps, { actor: actorOf(request), subscriptionId: request.params.id, enabled: request.body.enabled }),
  );

  app.post(
    '/api/subscriptions/:id/reactivate',
    {
      schema: {
        tags: ['subscriptions'],
        summary: 'Reactivate an expired or disabled subscription for a new paid term (Idempotency-Key required)',
        params: IdParams,
        response: { 200: Ref, ...problems(400, 401, 402, 403, 404, 409) },
      },
      config: { idempotency: 'required' },
    },
    async (request) => reactivateSubscription(deps, { actor: actorOf(request), subscriptionId: request.params.id }),
  );
};
