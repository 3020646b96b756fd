import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { AppError, ERROR_CODES, kindOf, type ErrorCode, type ErrorKind } from '../domain/errors.js';
import { sendGraphError } from './graph-errors.js';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
};

/** The one place a domain refusal gets its HTTP status. */
const KIND_STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  payment_failed: 402,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rule_violation: 422,
  too_many: 429,
  upstream_failed: 502,
  unavailable: 503,
};

/** HTTP's own refusals (Fastify's, Node's parser's, the probes'), which no use case gives. */
const HTTP_CODES = {
  bad_request: 400,
  bad_url: 400,
  invalid_content_length: 400,
  malformed_request: 400,
  method_not_allowed: 405,
  request_timeout: 408,
  body_too_large: 413,
  unsupported_media_type: 415,
  headers_too_large: 431,
  internal_error: 500,
  database_unavailable: 503,
  migrations_pending: 503,
} as const;

/** Every code the API answers with. */
export type ProblemCode = ErrorCode | keyof typeof HTTP_CODES;
export const HTTP_PROBLEM_CODES = Object.keys(HTTP_CODES) as (keyof typeof HTTP_CODES)[];
export const PROBLEM_CODES: readonly ProblemCode[] = [...ERROR_CODES, ...HTTP_PROBLEM_CODES];

export const statusOf = (code: ProblemCode): number =>
  code in HTTP_CODES ? HTTP_CODES[code as keyof typeof HTTP_CODES] : KIND_STATUS[kindOf(code as ErrorCode)];

/** The HTTP status of each kind, for the OpenAPI document. */
export const statusOfKind = (kind: ErrorKind): number => KIND_STATUS[kind];

/** Fastify's own client errors, given stable codes. */
const FASTIFY_CODES: Record<string, ProblemCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_BODY_TOO_LARGE: 'body_too_large',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid_content_length',
  FST_ERR_BAD_URL: 'bad_url',
  FST_ERR_ASYNC_CONSTRAINT: 'bad_request',
};

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: ProblemCode;
  detail: string;
  [extra: string]: unknown;
}

export function problem(
  code: ProblemCode,
  detail: string,
  extra: Record<string, unknown> = {},
  status = statusOf(code),
): ProblemBody {
  return {
    type: `https://selfserve.example/problems/${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    code,
    detail,
    ...extra,
  };
}

/** The Graph-compatible API answers errors in Graph's shape; everything else in RFC 9457. */
export function sendProblem(request: FastifyRequest, reply: FastifyReply, body: ProblemBody) {
  if (body.status === 429 && typeof body.retryAfterSeconds === 'number')
    reply.header('retry-after', body.retryAfterSeconds);
  if (request.url.startsWith('/v1.0')) return sendGraphError(request, reply, body);
  return reply.code(body.status).type('application/problem+json').send(body);
}

function toProblem(error: FastifyError | AppError): ProblemBody {
  if (error instanceof AppError) return problem(error.code, error.message, error.extra);
  if (error.validation) {
    return problem('validation_failed', `The request is not valid: ${error.message}`, {
      errors: error.validation.map((v) => ({ path: v.instancePath || '/', message: v.message ?? 'invalid' })),
    });
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    return problem(FASTIFY_CODES[error.code] ?? 'bad_request', error.message, {}, status);
  }
  return problem('internal_error', 'Something went wrong on our side. Nothing was changed; please try again.');
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const body = toProblem(error);
    if (body.status >= 500) request.log.error({ err: error }, 'request failed');
    return sendProblem(request, reply, body);
  });
}

/**
 * Requests Node's HTTP parser refuses (oversized headers, malformed request lines or headers)
 * never reach a route: answered on the socket in the same problem shape, then closed.
 */
export function answerClientError(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const answer =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? problem('headers_too_large', 'The request headers are larger than 16 KB.')
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? problem('request_timeout', 'The request took too long to arrive.')
        : problem('malformed_request', 'The request is not well-formed HTTP.');
  const body = JSON.stringify(answer);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status]}\r\nContent-Type: application/problem+json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}
