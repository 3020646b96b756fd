import { randomBytes } from 'node:crypto';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyReply {
    /** This response's nonces, the ones its Content-Security-Policy allows scripts and styles by. */
    cspNonce: { script: string; style: string };
  }
}

// A year, as browsers' preload lists ask; only sent over TLS, where the browser heeds it
const HSTS = 'max-age=31536000; includeSubDomains';

/** What helmet sends with our options, written once: @fastify/helmet rebuilt helmet on every request. */
const HEADERS = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'DENY',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};
const csp = (nonce: { script: string; style: string }) =>
  `default-src 'self';script-src 'self' 'nonce-${nonce.script}';style-src 'self' 'nonce-${nonce.style}';img-src 'self' data:;`
  + "font-src 'self' data:;connect-src 'self';object-src 'none';base-uri 'none';form-action 'self';frame-ancestors 'none'";

// nonces are cut from a buffer of random bytes filled a thousand at a time, each used once
const NONCE_BYTES = 16;
const POOL = 1024 * NONCE_BYTES;
let pool = Buffer.alloc(0);
let offset = POOL;
function nonce(): string {
  if (offset >= POOL) {
    pool = randomBytes(POOL);
    offset = 0;
  }
  offset += NONCE_BYTES;
  return pool.toString('base64url', offset - NONCE_BYTES, offset);
}

/**
 * Security headers on every answer: a strict Content-Security-Policy (our own scripts, styles,
 * images and connections only; no inline script or style attribute; no framing), nosniff, no
 * Referer, and HSTS when the request came over TLS (directly, or through a trusted proxy's
 * X-Forwarded-Proto). The style elements Fluent UI inserts carry the response's nonce (web-index.ts).
 */
export const securityHeaders = fp(async (app) => {
  app.decorateReply('cspNonce', null as never);
  app.addHook('onRequest', async (request, reply) => {
    reply.cspNonce = { script: nonce(), style: nonce() };
    reply.headers(HEADERS).header('content-security-policy', csp(reply.cspNonce));
    if (request.protocol === 'https') reply.header('strict-transport-security', HSTS);
  });
});
