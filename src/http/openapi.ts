import type { SwaggerOptions } from '@fastify/swagger';
import { STATUS_CODES } from 'node:http';
import { codesOf, ERROR_KINDS } from '../domain/errors.js';
import { HTTP_PROBLEM_CODES, PROBLEM_CODES, statusOf, statusOfKind, type ProblemCode } from './errors.js';

/**
 * The OpenAPI document as generated clients need it. The routes' schemas say what each route
 * takes and answers; what every route of a kind may answer (the plugins' refusals, the problem
 * media type, the idempotency headers) is added here, in one place, from the document itself.
 */

interface Media {
  schema?: { $ref?: string };
}
interface Response {
  description: string;
  headers?: Record<string, object>;
  content?: Record<string, Media>;
}
type Ref = { $ref: string };
interface Operation {
  operationId?: string;
  parameters?: { in: string; name: string }[];
  requestBody?: object;
  security?: Record<string, string[]>[];
  responses: Record<string, Response | Ref>;
}
interface Document {
  components?: { schemas?: Record<string, object>; responses?: Record<string, Response> };
  security?: Record<string, string[]>[];
  paths: Record<string, Record<string, Operation>>;
}

const GRAPH = '/v1.0/';
const SAFE_METHODS = new Set(['get', 'head', 'options']);

export interface OpenapiSettings {
  /** PUBLIC_URL: the document's server (else the origin it is read from) */
  publicUrl: string | undefined;
  /** the largest request body taken, in bytes (413 beyond) */
  bodyLimit: number;
}

/** The options of @fastify/swagger: the document's header, and its completion. */
export function openapiOptions({ publicUrl, bodyLimit }: OpenapiSettings): SwaggerOptions {
  return {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Selfserve API', version: '1.0.0', description: 'Self-service purchases, licenses and billing.' },
      servers: [{ url: publicUrl?.replace(/\/$/, '') ?? '/', description: 'this portal' }],
      components: {
        securitySchemes: {
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: 'selfserve_session',
            description: "the web UI's session; writes also send x-csrf-token",
          },
          bearer: {
            type: 'http',
            scheme: 'bearer',
            description: "an API token (POST /api/tokens) or an app's access token (Graph)",
          },
          operator: { type: 'http', scheme: 'bearer', description: 'SELFSERVE_OPERATOR_TOKEN' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    refResolver: { buildLocalReference: (json, _base, _frag, i) => (json.$id as string | undefined) ?? `def-${i}` },
    transform: ({ schema, url, route }) => {
      const security = url.startsWith('/api/operator/') ? [{ operator: [] }] : route.config?.public ? [] : undefined;
      return {
        url,
        schema: {
          operationId: operationIdOf([route.method].flat().join(''), url),
          ...(security && { security }),
          ...schema,
        },
      };
    },
    transformObject: (document) =>
      'openapiObject' in document
        ? completeDocument(document.openapiObject as unknown as Document, bodyLimit)
        : document.swaggerObject,
  };
}

/** A stable, unique name from the method and the route's URL: GET /api/invoices/:id/pdf is getInvoicesByIdPdf. */
export function operationIdOf(method: string, url: string): string {
  const words = url
    .replace(/^\/api\//, '/')
    .replace(/^\/v1\.0\//, '/graph/')
    .split(/[^A-Za-z0-9:]+/)
    .filter(Boolean);
  const capital = (word: string) => word[0]!.toUpperCase() + word.slice(1);
  return (
    method.toLowerCase() + words.map((w) => (w.startsWith(':') ? `By${capital(w.slice(1))}` : capital(w))).join('')
  );
}

/** A code as the descriptions name it: from the catalog, so that a renamed code does not compile. */
const c = (code: ProblemCode) => `\`${code}\``;

const ANSWERS: Record<string, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted: it runs in the background',
  204: 'Done; nothing to answer',
  400: `The request is not valid: ${c('validation_failed')} (with \`errors\`), ${c('invalid_json')}, or the rule the \`code\` names`,
  401: `No credential, or one that is not valid or has ended (${c('unauthenticated')})`,
  402: `The payment was refused: the payment method's reason is the \`code\` (${codesOf('payment_failed').map(c).join(', ')})`,
  403: 'Not allowed for the caller',
  404: "Not found, or not the caller's to see",
  409: 'In conflict with the current state',
  415: `The body is not JSON (${c('unsupported_media_type')})`,
  422: 'Understood, but a rule refuses it: the `code` says which',
  429: `Too many attempts (${c('too_many_attempts')}): try again after Retry-After seconds`,
  503: 'Not ready to serve',
};
/** What the idempotency and CSRF checks add to an answer's meaning. */
const IDEMPOTENT: Record<string, string> = {
  400: `; ${c('idempotency_key_required')} or ${c('idempotency_key_invalid')} for the Idempotency-Key`,
  409: `; ${c('idempotency_request_in_progress')} while the first request with this Idempotency-Key runs`,
  422: `; ${c('idempotency_key_reused')} when the Idempotency-Key was sent with another request`,
};
const CSRF = `; ${c('csrf_token_invalid')} when a cookie-authenticated write lacks the session's x-csrf-token`;

const meaning = (status: string, bodyLimit: number) =>
  status === '413'
    ? `The body is larger than ${bodyLimit / 1024} KB (${c('body_too_large')})`
    : (ANSWERS[status] ?? STATUS_CODES[status]!);

/** Every code a problem's \`code\` may be, from the domain's catalog and HTTP's own, with each kind's status. */
const PROBLEM_CODE_SCHEMA = {
  type: 'string',
  enum: PROBLEM_CODES,
  description:
    "A problem's stable `code`. By status: " +
    ERROR_KINDS.map((kind) => `${statusOfKind(kind)} ${codesOf(kind).map(c).join(', ')}`).join('; ') +
    `; HTTP's own: ${HTTP_PROBLEM_CODES.map((code) => `${statusOf(code)} ${c(code)}`).join(', ')}.`,
};

const RETRY_AFTER = { description: 'seconds to wait before trying again', schema: { type: 'integer' } };
const REPLAYED = {
  description: '`true` when this answer replays the first answer to the same Idempotency-Key',
  schema: { type: 'string', enum: ['true'] },
};

/** Problem's `code` points to the catalog; any string stays valid, as codes are added over time. */
function problemSchemas(problem: { properties?: Record<string, object> } | undefined) {
  const code = {
    anyOf: [{ $ref: '#/components/schemas/ProblemCode' }, { type: 'string' }],
    ...problem?.properties?.code,
  };
  return {
    ProblemCode: PROBLEM_CODE_SCHEMA,
    ...(problem && { Problem: { ...problem, properties: { ...problem.properties, code } } }),
  };
}

/**
 * What the plugins make every route of a kind answer: errors as application/problem+json
 * (Graph's shape at /v1.0), 400/413/415 for a body, 401/403 where a credential is needed, the
 * idempotency refusals and Idempotent-Replayed, Retry-After with a 429; every answer described.
 */
export function completeDocument(doc: Document, bodyLimit: number): Document {
  doc.components = {
    ...doc.components,
    schemas: { ...doc.components?.schemas, ...problemSchemas(doc.components?.schemas?.Problem) },
  };
  const operationIds = new Set<string>();
  const errors = namedResponses();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (op.operationId) {
        if (operationIds.has(op.operationId))
          throw new Error(`Two operations are named ${op.operationId}: give one its own schema.operationId.`);
        operationIds.add(op.operationId);
      }
      const security = op.security ?? doc.security ?? [];
      const csrf = security.some((s) => 'session' in s) && !SAFE_METHODS.has(method);
      const idempotent = op.parameters?.some((p) => p.in === 'header' && p.name === 'idempotency-key') ?? false;
      const implied = [
        ...(op.parameters?.length || op.requestBody ? ['400'] : []),
        ...(op.requestBody ? ['413', '415'] : []),
        ...(security.length ? ['401'] : []),
        ...(csrf ? ['403'] : []),
        ...(idempotent ? ['409', '422'] : []),
      ];
      const error: Response['content'] = path.startsWith(GRAPH)
        ? { 'application/json': { schema: { $ref: '#/components/schemas/GraphError' } } }
        : { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };
      for (const status of implied) op.responses[status] ??= { description: '', content: error };
      op.responses = Object.fromEntries(
        Object.entries(op.responses as Record<string, Response>)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([status, response]): [string, Response | Ref] => {
            const problem = response.content?.['application/json']?.schema?.$ref === '#/components/schemas/Problem';
            const headers = {
              ...response.headers,
              ...(status === '429' && { 'Retry-After': RETRY_AFTER }),
              ...(idempotent && status.startsWith('2') && { 'Idempotent-Replayed': REPLAYED }),
            };
            const described: Response = {
              ...response,
              description:
                response.description && response.description !== 'Default Response'
                  ? response.description
                  : meaning(status, bodyLimit) +
                    (idempotent ? (IDEMPOTENT[status] ?? '') : '') +
                    (status === '403' && csrf ? CSRF : ''),
              ...(Object.keys(headers).length && { headers }),
              ...(problem && { content: error }),
            };
            if (!/^[45]/.test(status)) return [status, described];
            const name =
              (path.startsWith(GRAPH) ? 'Graph' : '') +
              (STATUS_CODES[status] ?? status).replace(/[^A-Za-z]/g, '') +
              (idempotent && IDEMPOTENT[status] ? 'WithIdempotencyKey' : '') +
              (status === '403' && csrf ? 'OrCsrf' : '');
            return [status, errors.refer(name, described)];
          }),
      );
    }
  }
  doc.components.responses = { ...doc.components.responses, ...errors.named };
  return doc;
}

/**
 * Error answers are alike on most operations (a 401 is a 401): each distinct one is a named
 * response in `components.responses` (Unauthorized, BadRequestIdempotent, ...) that operations
 * refer to, so that the document and the types generated from it say it once.
 */
function namedResponses() {
  const named: Record<string, Response> = {};
  const nameOf = new Map<string, string>();
  return {
    named,
    /** The response's name: `base`, or `base2`... where a route described its own variant. */
    refer(base: string, response: Response): Ref {
      const key = JSON.stringify(response);
      let name = nameOf.get(key);
      if (!name) {
        name = base;
        for (let n = 2; name in named; n++) name = `${base}${n}`;
        named[name] = response;
        nameOf.set(key, name);
      }
      return { $ref: `#/components/responses/${name}` };
    },
  };
}
