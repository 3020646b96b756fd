import helmet from '@fastify/helmet';
import fp from 'fastify-plugin';

// A year, as browsers' preload lists ask; only sent over TLS, where the browser heeds it
const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Security headers on every answer (helmet): a strict Content-Security-Policy (our own scripts,
 * styles, images and connections only; no inline script or style attribute; no framing), nosniff,
 * no Referer, and HSTS when the request came over TLS (directly, or through a trusted proxy's
 * X-Forwarded-Proto). The style elements Fluent UI inserts carry the response's nonce (web-index.ts).
 */
export const securityHeaders = fp(async (app) => {
  await app.register(helmet, {
    enableCSPNonces: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'"], imgSrc: ["'self'", 'data:'], fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"], objectSrc: ["'none'"], baseUri: ["'none'"], formAction: ["'self'"], frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: false,
  });
  app.addHook('onRequest', async (request, reply) => {
    if (request.protocol === 'https') reply.header('strict-transport-security', HSTS);
  });
});
