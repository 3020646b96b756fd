import Fastify, { type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Deps } from '../services/deps.js';
import type { Config } from '../config.js';
import { authPlugin } from './auth.js';
import { idempotencyPlugin } from './idempotency.js';
import { answerClientError, problem, registerErrorHandling, sendProblem } from './errors.js';
import { registerInputChecks, strictDateTime } from './input.js';
import { securityHeaders } from './security-headers.js';
import { webIndex } from './web-index.js';
import { metricsPlugin, type MetricsOptions } from './metrics.js';
import { openapiOptions } from './openapi.js';
import { allowedMethods } from './allowed-methods.js';
import { lazySchemaCompilers } from './lazy-compile.js';
import { namedSchemas, routeGroups } from './routes/index.js';

const BODY_LIMIT = 256 * 1024;
const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

export interface AppOptions {
  deps: Deps;
  logger?: FastifyServerOptions['logger'];
  trustProxy?: Config['trustProxy'];
  metrics?: MetricsOptions;
}

export async function buildApp({ deps, logger = false, trustProxy = false, metrics = {} }: AppOptions) {
  const app = Fastify({
    logger,
    // a hop count trusts that many proxies nearest to us (Fastify itself now reads a number as none)
    trustProxy: typeof trustProxy === 'number' ? (_address: string, hop: number) => hop < trustProxy : trustProxy,
    bodyLimit: BODY_LIMIT,
    clientErrorHandler: answerClientError,
    // malformed URLs and the like are refused in the same problem shape as everything else
    frameworkErrors: (error, request, reply) =>
      void sendProblem(
        request,
        reply,
        problem(error.code === 'FST_ERR_BAD_URL' ? 'bad_url' : 'bad_request', error.message),
      ),
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array' }, onCreate: strictDateTime },
    schemaController: { compilersFactory: lazySchemaCompilers() },
  }).withTypeProvider<TypeBoxTypeProvider>();
  // every route registered from here on, for 405 answers
  const allowed = allowedMethods(app);

  // at the root: every route group refers to them
  for (const schema of namedSchemas) app.addSchema(schema);
  registerErrorHandling(app);
  registerInputChecks(app);
  // before the routes: its timing hook applies to those registered after it
  await app.register(metricsPlugin, { deps, ...metrics });
  await app.register(securityHeaders);
  await app.register(cookie);
  await app.register(swagger, openapiOptions({ publicUrl: deps.publicUrl, bodyLimit: BODY_LIMIT }));
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { url: '/api/openapi.json', layout: 'BaseLayout' },
  });
  await app.register(authPlugin, { deps });
  await app.register(idempotencyPlugin, { deps });

  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
  for (const group of routeGroups) await app.register(group, { deps });

  const index = existsSync(WEB_DIST + 'index.html') ? webIndex(WEB_DIST + 'index.html') : undefined;
  // the page itself is sent by the not-found handler below, with the response's CSP nonce
  // the rest are the build's assets, named by their content's hash: cached for good, and sent as
  // the build compressed them (brotli or gzip, whichever the browser takes)
  if (index) {
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      wildcard: false,
      index: false,
      allowedPath: (path) => path !== '/index.html',
      preCompressed: true,
      maxAge: '365d',
      immutable: true,
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url.startsWith('/api') || request.url.startsWith('/v1.0');
    if (!isApi && index && request.method === 'GET')
      return reply.type('text/html; charset=utf-8').send(index(reply.cspNonce.style)); // client-side routes
    const path = request.url.split('?')[0]!;
    const allow = allowed(path);
    if (allow.length)
      return sendProblem(
        request,
        reply.header('allow', allow.join(', ')),
        problem('method_not_allowed', `${path} answers ${allow.join(', ')}, not ${request.method}.`),
      );
    return sendProblem(request, reply, problem('not_found', `No route ${request.method} ${path}.`));
  });
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
