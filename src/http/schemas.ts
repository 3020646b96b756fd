import { Type, type Static, type TSchema } from 'typebox';
import { SUBSCRIPTION_STATUSES, TERMS } from '../domain/subscription.js';
import { METHOD_TYPES } from '../domain/payment-methods.js';

/**
 * Schemas shared by routes: they validate, serialize and document the API (OpenAPI). One that
 * the API takes or answers in several places has a `$id`, is registered once in app.ts and is
 * used through `ref`: the document names it once, in components.schemas.
 */

/** A reference to a named schema, with the schema's static type (so handlers stay type-checked). */
export function ref<T extends TSchema>(schema: T) {
  const { $id } = schema as { $id?: string };
  if (!$id) throw new Error('Only a schema with a $id is referred to.');
  return Type.Unsafe<Static<T>>(Type.Ref($id));
}

export const Uuid = Type.String({ format: 'uuid' });
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
/** Dates go out as ISO 8601; handlers may give Date objects, the serializer formats them. */
export const DateTime = Type.Unsafe<Date | string>({ type: 'string', format: 'date-time' });
export const CurrencyCode = Type.Union([Type.Literal('EUR'), Type.Literal('USD'), Type.Literal('GBP')]);

export const Money = Type.Object(
  { amount: Type.Integer({ description: 'minor units (cents)' }), currency: CurrencyCode },
  { $id: 'Money' },
);

/** Spend of the last twelve months (the current one included), by UTC month: invoices minus credit notes. */
export const Spend = Type.Object(
  {
    from: DateTime,
    to: DateTime,
    items: Type.Array(
      Type.Object({
        currency: CurrencyCode,
        total: ref(Money),
        months: Type.Array(
          Type.Object({
            month: Type.String({ pattern: '^\\d{4}-\\d{2}$', description: 'YYYY-MM (UTC)' }),
            spend: ref(Money),
          }),
          { minItems: 12, maxItems: 12 },
        ),
      }),
      { description: 'one series per currency, never added across' },
    ),
  },
  { $id: 'Spend' },
);

export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String({ description: 'stable machine-readable error code: one of ProblemCode' }),
    detail: Type.Optional(Type.String()),
    // extension members, sent with the codes named
    errors: Type.Optional(
      Type.Array(Type.Object({ path: Type.String(), message: Type.String() }), {
        description: 'validation_failed: each invalid input',
      }),
    ),
    users: Type.Optional(
      Type.Array(Type.Object({ id: Uuid, displayName: Nullable(Type.String()) }), {
        description:
          'usage_location_required, already_licensed, not_in_organization: the people concerned (null: no such person)',
      }),
    ),
    max: Type.Optional(Type.Integer({ description: 'too_many_users: the most people at once' })),
    available: Type.Optional(Type.Integer({ description: 'insufficient_licenses: the licenses left' })),
    needed: Type.Optional(Type.Integer({ description: 'insufficient_licenses: the licenses asked for' })),
    assigned: Type.Optional(Type.Integer({ description: 'licenses_assigned: the licenses assigned now' })),
    mustUnassign: Type.Optional(Type.Integer({ description: 'licenses_assigned: how many to unassign first' })),
    country: Type.Optional(
      Type.String({ description: 'unsupported_country, invalid_vat_number: the country concerned' }),
    ),
    example: Type.Optional(
      Type.String({ description: 'invalid_vat_number: a number of the right form for the country' }),
    ),
    subscriptions: Type.Optional(
      Type.Integer({ description: 'payment_method_in_use: the live subscriptions the card pays for' }),
    ),
    retryAfterSeconds: Type.Optional(Type.Integer({ description: 'too_many_attempts: as the Retry-After header' })),
    txtRecord: Type.Optional(
      Type.Object(
        { name: Type.String(), value: Type.String() },
        { description: 'domain_not_verified: the record to publish' },
      ),
    ),
  },
  { additionalProperties: true, $id: 'Problem' },
);

export const Person = Type.Object(
  {
    id: Uuid,
    displayName: Type.String(),
    email: Type.String(),
    usageLocation: Nullable(Type.String()),
    role: Type.String(),
  },
  { $id: 'Person' },
);

/** A person as something names them: who bought it, who did it, who is assigned. */
export const PersonRef = Type.Object(
  { id: Uuid, displayName: Type.String(), email: Type.String() },
  { $id: 'PersonRef' },
);

export const IdParams = Type.Object({ id: Uuid });

/** A page's query: `limit` items (`size` when not asked, filled in by validation) after `cursor`. */
export const pageQuery = (size: number) => ({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: size })),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
});
export const PageQuery = pageQuery(20);

export const Page = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), nextCursor: Nullable(Type.String()) });

/** A browser navigation's answer: 302 Found, to the Location said. */
export const redirect = (description: string) => ({
  302: Type.Null({ description, headers: { location: Type.String() } }),
});

/** Error responses a route may give, for the OpenAPI document. */
export const problems = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, { $ref: 'Problem#' }]));

export const Address = Type.Object(
  {
    line1: Type.String({ minLength: 1, maxLength: 200 }),
    line2: Type.Optional(Type.String({ maxLength: 200 })),
    city: Type.String({ minLength: 1, maxLength: 100 }),
    postalCode: Type.String({ minLength: 1, maxLength: 20 }),
    region: Type.Optional(Type.String({ maxLength: 100 })),
    country: Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166 alpha-2' }),
  },
  { $id: 'Address' },
);
/** A billing profile's address: its country is the profile's own. */
export const ProfileAddress = Type.Omit(Address, ['country'], { $id: 'ProfileAddress' });

/** A new card as typed by a person: tokenized by the gateway, never stored. */
export const CardInput = Type.Object(
  {
    number: Type.String({ minLength: 1, maxLength: 30 }),
    expMonth: Type.Integer({ minimum: 1, maximum: 12 }),
    expYear: Type.Integer({ minimum: 2000, maximum: 2100 }),
    cvc: Type.String({ minLength: 1, maxLength: 4 }),
    nameOnCard: Type.String({ minLength: 1, maxLength: 200 }),
    address: ref(Address),
  },
  { $id: 'CardInput' },
);

/** What can change on a saved card: not its number. */
export const CardEdit = Type.Partial(Type.Pick(CardInput, ['cvc', 'expMonth', 'expYear', 'nameOnCard']), {
  additionalProperties: false,
  minProperties: 1,
});

/** How invoices, credit notes and quotes name the way they were paid. */
export const PaymentLabel = Type.Object({ brand: Type.String(), last4: Type.String() }, { $id: 'PaymentLabel' });

/**
 * A saved payment method as a subscription shows the one paying for it: masked, named as
 * invoices name it, with the details of its own way to pay under that way's member (a card's
 * expiry and name under `card`, null for another way to pay).
 */
export const PaymentMethodSummary = Type.Object({
  id: Uuid,
  type: Type.Enum(METHOD_TYPES, { description: 'the way to pay' }),
  brand: Type.String({ description: "a card's scheme, ..." }),
  last4: Type.String({ description: 'of the card number, the account number, ...' }),
  card: Nullable(
    Type.Object({
      expMonth: Type.Integer(),
      expYear: Type.Integer(),
      nameOnCard: Type.String(),
      expiresSoon: Type.Boolean({ description: 'expires within 30 days' }),
    }),
  ),
});

/** A saved payment method as its owner sees it in their list: its summary and its address. */
export const PaymentMethod = Type.Object(
  { ...PaymentMethodSummary.properties, address: ref(Address) },
  { $id: 'PaymentMethod' },
);

// the lists are written once, in src/domain
export const SubscriptionStatus = Type.Enum(SUBSCRIPTION_STATUSES);
export const Term = Type.Enum(TERMS);

/** Errors of the Graph-compatible API, in Microsoft Graph's shape. */
export const GraphError = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      innerError: Type.Object({
        code: Type.String(),
        date: Type.String(),
        'request-id': Uuid,
        'client-request-id': Type.String(),
      }),
    }),
  },
  { $id: 'GraphError' },
);
export const graphProblems = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [s, { $ref: 'GraphError#' }]));

/** The answer of a short list, given whole (no paging). */
export const Items = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item) });
