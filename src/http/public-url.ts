import type { FastifyRequest } from 'fastify';
import type { Deps } from '../services/deps.js';

/**
 * Where people reach the portal, for links we hand out: PUBLIC_URL; unset, the address and port
 * this server answered on. Never the Host header, which the client writes: a link built from it
 * could send a Graph client's token, or an invitation, to another server.
 */
export function publicUrlOf(deps: Deps, request: FastifyRequest): string {
  if (deps.publicUrl) return deps.publicUrl.replace(/\/$/, '');
  const address = (request.socket.localAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
  return `${request.protocol}://${address.includes(':') ? `[${address}]` : address}:${request.socket.localPort}`;
}
