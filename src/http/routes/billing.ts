import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../services/deps.js';
import { addPaymentMethod } from '../../services/payment-methods/add-payment-method.js';
import { editPaymentMethod } from '../../services/payment-methods/edit-payment-method.js';
import { listMyPaymentMethods } from '../../services/payment-methods/list-my-payment-methods.js';
import { removePaymentMethod } from '../../services/payment-methods/remove-payment-method.js';
import { listBillingCountries } from '../../services/billing/list-billing-countries.js';
import { editBillingProfile } from '../../services/billing/edit-billing-profile.js';
import { getBillingProfile } from '../../services/billing/get-billing-profile.js';
import { listMyBillingProfiles } from '../../services/billing/list-my-billing-profiles.js';
import { replacePaymentMethod } from '../../services/billing/replace-payment-method.js';
import { actorOf } from '../auth.js';
import {
  Address,
  CardInput,
  DateTime,
  IdParams,
  CardEdit,
  Nullable,
  PaymentMethod,
  problems,
  ProfileAddress,
  ref,
  Uuid,
} from '../schemas.js';
import { listRoute, oneRoute, removeRoute } from '../route-kinds.js';

export const BillingProfile = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    address: ref(ProfileAddress),
    country: Type.String(),
    currency: Type.String(),
    invoiceEmail: Nullable(Type.String()),
    vatNumber: Nullable(
      Type.String({ description: "the buyer's VAT number, normalized (FR11123456782), printed on its invoices" }),
    ),
    paymentMethod: Nullable(ref(PaymentMethod)),
    subscriptions: Type.Array(
      Type.Object({
        id: Uuid,
        productName: Type.String(),
        status: Type.String(),
        quantity: Type.Integer(),
        termEnd: DateTime,
      }),
    ),
  },
  { $id: 'BillingProfile' },
);

export const billingRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  listRoute(
    app,
    '/api/payment-methods',
    ref(PaymentMethod),
    { tags: ['payment methods'], summary: 'Your cards, masked', problems: [401] },
    async (request) => listMyPaymentMethods(deps, actorOf(request)),
  );

  app.post(
    '/api/payment-methods',
    {
      schema: {
        tags: ['payment methods'],
        summary: 'Add a card: tokenized and verified by the payment gateway',
        body: Type.Object({ card: ref(CardInput) }),
        response: { 201: ref(PaymentMethod), ...problems(400, 401, 402, 403) },
      },
    },
    async (request, reply) => reply.code(201).send(await addPaymentMethod(deps, actorOf(request), request.body)),
  );

  app.patch(
    '/api/payment-methods/:id',
    {
      schema: {
        tags: ['payment methods'],
        summary:
          "Edit a payment method: its address, and its own way to pay's details (a card's security code, expiry, name)",
        params: IdParams,
        body: Type.Object(
          { address: Type.Optional(ref(Address)), card: Type.Optional(CardEdit) },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: ref(PaymentMethod), ...problems(400, 401, 402, 403, 404) },
      },
    },
    async (request) => editPaymentMethod(deps, actorOf(request), request.params.id, request.body),
  );

  removeRoute(
    app,
    '/api/payment-methods/:id',
    {
      tags: ['payment methods'],
      summary: 'Remove a card that pays for nothing live',
      problems: [400, 401, 403, 404, 409],
    },
    (request, id) => removePaymentMethod(deps, actorOf(request), id),
  );

  app.get(
    '/api/billing/countries',
    {
      schema: {
        tags: ['billing profiles'],
        summary:
          'The countries we bill to (ISO 3166 alpha-2): a billing profile in any other is refused as unsupported_country',
        response: { 200: Type.Object({ items: Type.Array(Type.String({ pattern: '^[A-Z]{2}$' })) }), ...problems(401) },
      },
    },
    async () => listBillingCountries(deps),
  );

  listRoute(
    app,
    '/api/billing-profiles',
    ref(BillingProfile),
    { tags: ['billing profiles'], summary: 'Your billing profiles', problems: [401] },
    async (request) => listMyBillingProfiles(deps, actorOf(request)),
  );

  oneRoute(
    app,
    'GET',
    '/api/billing-profiles/:id',
    ref(BillingProfile),
    {
      tags: ['billing profiles'],
      summary: 'A billing profile with its payment method and subscriptions',
      problems: [400, 401, 404],
    },
    (request, id) => getBillingProfile(deps, actorOf(request), id),
  );

  app.patch(
    '/api/billing-profiles/:id',
    {
      schema: {
        tags: ['billing profiles'],
        summary: 'Edit a billing profile',
        params: IdParams,
        body: Type.Object(
          {
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            address: Type.Optional(ref(ProfileAddress)),
            country: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$' })),
            invoiceEmail: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 320 }))),
            vatNumber: Type.Optional(
              Nullable(
                Type.String({
                  maxLength: 30,
                  description:
                    "the buyer's VAT number, checked against the format of the profile's country (EU, GB, CH, NO): 400 invalid_vat_number; null or empty removes it",
                }),
              ),
            ),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: ref(BillingProfile), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => editBillingProfile(deps, { actor: actorOf(request), id: request.params.id, edit: request.body }),
  );

  app.put(
    '/api/billing-profiles/:id/payment-method',
    {
      schema: {
        tags: ['billing profiles'],
        summary: "Replace the profile's payment method with a saved card or a new one",
        params: IdParams,
        body: Type.Union([Type.Object({ paymentMethodId: Uuid }), Type.Object({ card: ref(CardInput) })]),
        response: { 200: ref(BillingProfile), ...problems(400, 401, 402, 403, 404) },
      },
    },
    async (request) =>
      replacePaymentMethod(deps, { actor: actorOf(request), id: request.params.id, input: request.body }),
  );
};
