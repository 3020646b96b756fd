import FindMyWay, { type HTTPMethod } from 'find-my-way';
import type { FastifyInstance } from 'fastify';

/**
 * The methods a path answers, for a 405 with its Allow header where the router found no route
 * for the method asked: the routes registered after this call, matched as Fastify's router
 * (the same library) matches them.
 */
export function allowedMethods(app: FastifyInstance): (path: string) => string[] {
  const router = FindMyWay();
  const methods = new Set<HTTPMethod>();
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat() as HTTPMethod[]) {
      if (route.constraints || router.hasRoute(method, route.url)) continue;
      router.on(method, route.url, () => undefined);
      methods.add(method);
    }
  });
  return (path) => [...methods].filter((method) => router.find(method, path));
}
