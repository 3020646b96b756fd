import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../services/deps.js';
import { exportInvoices } from '../../services/invoices/export-invoices.js';
import { getInvoice } from '../../services/invoices/get-invoice.js';
import { listMyInvoices } from '../../services/invoices/list-my-invoices.js';
import { invoicePdf } from '../../services/invoices/pdf.js';
import { payInvoice } from '../../services/invoices/pay-invoice.js';
import { getMySpend } from '../../services/invoices/get-my-spend.js';
import { actorOf } from '../auth.js';
import { exportRoute, oneRoute } from '../route-kinds.js';
import { readerLocale } from '../../domain/locale.js';
import {
  CardInput,
  DateTime,
  IdParams,
  Money,
  Nullable,
  PageQuery,
  PaymentLabel,
  problems,
  ProfileAddress,
  ref,
  Spend,
  Uuid,
} from '../schemas.js';

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const Range = {
  from: Type.Optional(Day),
  to: Type.Optional(Day),
  months: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 24, description: 'the last n months up to today, when from is not given' }),
  ),
};
const Summary = {
  id: Uuid,
  number: Type.String(),
  kind: Type.Union([Type.Literal('invoice'), Type.Literal('credit_note')]),
  issuedAt: DateTime,
  periodStart: Nullable(DateTime),
  periodEnd: Nullable(DateTime),
  currency: Type.String(),
  subtotal: ref(Money),
  tax: ref(Money),
  total: ref(Money),
  status: Type.String(),
  subscriptionId: Nullable(Uuid),
  productName: Nullable(Type.String()),
};
/** The billing profile as it was when the invoice was issued. */
const BillingSnapshot = Type.Partial(
  Type.Object({
    name: Type.String(),
    address: ref(ProfileAddress),
    country: Type.String(),
    currency: Type.String(),
    invoiceEmail: Nullable(Type.String()),
    vatNumber: Type.String(),
  }),
);
export const Invoice = Type.Object(
  {
    ...Summary,
    billingSnapshot: BillingSnapshot,
    taxRateBp: Type.Integer(),
    payment: Nullable(ref(PaymentLabel)),
    creditedInvoiceId: Nullable(Uuid),
    lines: Type.Array(
      Type.Object({
        lineNo: Type.Integer(),
        productId: Type.String(),
        description: Type.String(),
        quantity: Type.Integer(),
        periodStart: DateTime,
        periodEnd: DateTime,
        unitPrice: ref(Money),
        amount: ref(Money),
      }),
    ),
  },
  { $id: 'Invoice' },
);

export const invoiceRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/invoices',
    {
      schema: {
        tags: ['invoices'],
        summary:
          'Your invoices and credit notes, newest first (the last 3 months unless months or from/to say otherwise)',
        querystring: Type.Object({ ...Range, ...PageQuery }),
        response: {
          200: Type.Object({
            from: DateTime,
            to: DateTime,
            items: Type.Array(Type.Object(Summary)),
            nextCursor: Nullable(Type.String()),
          }),
          ...problems(400, 401),
        },
      },
    },
    async (request) => {
      const { limit = 20, ...q } = request.query;
      return listMyInvoices(deps, actorOf(request), { ...q, limit });
    },
  );

  exportRoute(
    app,
    '/api/invoices.csv',
    Range,
    { tags: ['invoices'], summary: "Your invoices as CSV or XLSX, in the reader's language", problems: [400, 401] },
    (request, range) => exportInvoices(deps, actorOf(request), range),
  );

  app.get(
    '/api/invoices/spend',
    {
      schema: {
        tags: ['invoices'],
        summary:
          'What your invoices cost over the last twelve months (the current one included), by month: invoices minus credit notes',
        description: 'One series per currency you were billed in (none without invoices).',
        response: { 200: ref(Spend), ...problems(401) },
      },
    },
    async (request) => getMySpend(deps, actorOf(request)),
  );

  oneRoute(
    app,
    'GET',
    '/api/invoices/:id',
    ref(Invoice),
    {
      tags: ['invoices'],
      summary: 'An invoice with its lines, VAT and the billing profile as it was',
      problems: [400, 401, 404],
    },
    (request, id) => getInvoice(deps, actorOf(request), id),
  );

  app.get(
    '/api/invoices/:id/pdf',
    {
      schema: {
        tags: ['invoices'],
        summary: "The invoice as a PDF, in the reader's language (lang, else Accept-Language)",
        params: IdParams,
        querystring: Type.Object({ lang: Type.Optional(Type.Union([Type.Literal('fr'), Type.Literal('en')])) }),
        response: {
          200: Type.Unsafe<Buffer>({
            description: 'The invoice or credit note',
            headers: { 'content-disposition': { type: 'string', description: 'inline; filename="<number>.pdf"' } },
            content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
          }),
          ...problems(400, 401, 404),
        },
      },
    },
    async (request, reply) => {
      const { number, pdf } = await invoicePdf(
        deps,
        actorOf(request),
        request.params.id,
        readerLocale(request.query.lang, request.headers['accept-language']),
      );
      return reply
        .headers({ 'content-type': 'application/pdf', 'content-disposition': `inline; filename="${number}.pdf"` })
        .send(pdf);
    },
  );

  app.post(
    '/api/invoices/:id/pay',
    {
      schema: {
        tags: ['invoices'],
        summary: 'Pay now: an invoice left due by a failed renewal, with another card (Idempotency-Key required)',
        params: IdParams,
        body: Type.Union([Type.Object({ paymentMethodId: Uuid }), Type.Object({ card: ref(CardInput) })]),
        response: { 200: ref(Invoice), ...problems(400, 401, 402, 403, 404, 409) },
      },
      config: { idempotency: 'required' },
    },
    async (request) => payInvoice(deps, { actor: actorOf(request), invoiceId: request.params.id, ...request.body }),
  );
};
