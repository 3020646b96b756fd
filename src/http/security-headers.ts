import type { ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import helmet from 'helmet';

declare module 'fastify' {
  interface FastifyReply {
    /** This response's nonces, the ones its Content-Security-Policy allows scripts and styles by. */
    cspNonce: { script: string; style: string };
  }
}

// A year, as browsers' preload lists ask; only sent over TLS, where the browser heeds it
const HSTS = 'max-age=31536000; includeSubDomains';

type Nonce = FastifyReply['cspNonce'];
const nonces = new WeakMap<ServerResponse, Nonce>();
const nonceOf = (kind: keyof Nonce) => (_req: unknown, res: ServerResponse) =>
  `'nonce-${nonces.get(res)?.[kind] ?? ''}'`;

// helmet is built once; @fastify/helmet rebuilt it (parsing the directives) on every request, a tenth
// of the portal's CPU under the seat benchmark
const headers = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", nonceOf('script')],
      styleSrc: ["'self'", nonceOf('style')],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  frameguard: { action: 'deny' },
  referrerPolicy: { policy: 'no-referrer' },
  strictTransportSecurity: false,
});

/**
 * Security headers on every answer (helmet): a strict Content-Security-Policy (our own scripts,
 * styles, images and connections only; no inline script or style attribute; no framing), nosniff,
 * no Referer, and HSTS when the request came over TLS (directly, or through a trusted proxy's
 * X-Forwarded-Proto). The style elements Fluent UI inserts carry the response's nonce (web-index.ts).
 */
export const securityHeaders = fp(async (app) => {
  app.decorateReply('cspNonce', null as never);
  app.addHook('onRequest', (request, reply, done) => {
    const random = randomBytes(32);
    reply.cspNonce = { script: random.toString('base64url', 0, 16), style: random.toString('base64url', 16) };
    nonces.set(reply.raw, reply.cspNonce);
    if (request.protocol === 'https') reply.header('strict-transport-security', HSTS);
    // helmet 8 throws its errors instead of passing them on
    headers(request.raw, reply.raw, () => {
      done();
    });
  });
});
