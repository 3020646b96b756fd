import type { FastifyRequest } from 'fastify';
import type { Deps } from '../services/deps.js';

/** Where people reach the portal: PUBLIC_URL, else the address this request came to. */
export const publicUrlOf = (deps: Deps, request: FastifyRequest) =>
  (deps.publicUrl ?? `${request.protocol}://${request.host}`).replace(/\/$/, '');
