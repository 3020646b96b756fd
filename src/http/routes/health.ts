import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../services/deps.js';
import { pendingMigrations } from '../../db/migrate.js';
import { problem, sendProblem } from '../errors.js';
import { problems } from '../schemas.js';

/** A database that takes longer than this to answer is as good as down for a load balancer. */
const READY_TIMEOUT_MS = 2_000;

const Status = Type.Object({ status: Type.Literal('ok') });
// probes carry no credentials, and answer the same to anyone
const probe = { public: true };

/** For orchestrators: alive (the process answers) and ready (its database can serve requests). */
export const healthRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/healthz',
    {
      config: probe,
      schema: {
        tags: ['operations'],
        summary: 'Liveness: the process answers (the database is not asked)',
        security: [],
        response: { 200: Status },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      config: probe,
      schema: {
        tags: ['operations'],
        summary: 'Readiness: the database answers and every migration is applied',
        security: [],
        response: { 200: Status, ...problems(503) },
      },
    },
    async (request, reply) => {
      const pending = await within(READY_TIMEOUT_MS, pendingMigrations(deps.db)).catch((err: unknown) => {
        request.log.warn({ err }, 'readiness: the database does not answer');
        return undefined;
      });
      if (pending?.length === 0) return { status: 'ok' as const };
      const detail = pending ? `Migrations not applied: ${pending.join(', ')}.` : 'The database does not answer.';
      return sendProblem(
        request,
        reply,
        problem(pending ? 'migrations_pending' : 'database_unavailable', detail, { title: 'Service Unavailable' }),
      );
    },
  );
};

function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms)),
  );
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
