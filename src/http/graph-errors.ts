import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isUuid } from '../domain/cursor.js';

/** Our codes as Microsoft Graph names them, for the Graph-compatible API. */
const GRAPH_CODES: Record<string, string> = {
  unauthenticated: 'InvalidAuthenticationToken',
  not_found: 'Request_ResourceNotFound',
  validation_failed: 'Request_BadRequest',
  bad_request: 'BadRequest',
  invalid_json: 'BadRequest',
  forbidden: 'Authorization_RequestDenied',
  read_only: 'Authorization_RequestDenied',
  read_only_for_admins: 'Authorization_RequestDenied',
  admin_only: 'Authorization_RequestDenied',
  too_many_attempts: 'TooManyRequests',
};

const requestIds = new WeakMap<FastifyRequest, string>();

/**
 * Graph's request-id and client-request-id response headers: a new id per request, and the
 * caller's own one echoed (when it is a GUID, as Graph's SDKs send it).
 */
export function setGraphRequestIds(
  request: FastifyRequest,
  reply: FastifyReply,
): { requestId: string; clientRequestId: string } {
  let requestId = requestIds.get(request);
  if (!requestId) requestIds.set(request, (requestId = randomUUID()));
  const sent = request.headers['client-request-id'];
  const clientRequestId = isUuid(sent) ? sent : requestId;
  reply.header('request-id', requestId).header('client-request-id', clientRequestId);
  return { requestId, clientRequestId };
}

/** An error in Graph's shape: code, message and innerError with the date and the ids to quote to support. */
export function sendGraphError(
  request: FastifyRequest,
  reply: FastifyReply,
  body: { status: number; code: string; detail: string; graphCode?: unknown },
) {
  const { requestId, clientRequestId } = setGraphRequestIds(request, reply);
  return reply
    .code(body.status)
    .type('application/json')
    .send({
      error: {
        code: typeof body.graphCode === 'string' ? body.graphCode : (GRAPH_CODES[body.code] ?? body.code),
        message: body.detail,
        innerError: {
          code: body.code,
          // when it was answered, as Graph writes it (UTC, no zone): the wall clock, as in the logs
          date: new Date().toISOString().slice(0, 19),
          'request-id': requestId,
          'client-request-id': clientRequestId,
        },
      },
    });
}
