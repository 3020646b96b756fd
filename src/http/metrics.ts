import { createHash, timingSafeEqual } from 'node:crypto';
import fp from 'fastify-plugin';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Deps } from '../services/deps.js';
import { findJobsBacklog, type JobsBacklog } from '../db/jobs-backlog.js';
import { problem, sendProblem } from './errors.js';

export interface MetricsOptions {
  /** the bearer token Prometheus presents; unset: /metrics answers 404 */
  token?: string | undefined;
  /** when this server last ran the background jobs to the end */
  lastJobRun?: () => Date | undefined;
}

const BACKLOG_LABELS = { renewal: 'renewal', pending_charge: 'pendingCharge', email: 'email' } as const;
const POOL_GAUGES = [
  ['max', 'selfserve_db_pool_max_connections', 'The most connections the PostgreSQL pool opens'],
  ['total', 'selfserve_db_pool_connections', 'Connections the PostgreSQL pool has open, idle or in use'],
  ['idle', 'selfserve_db_pool_idle_connections', 'Open connections no query is using'],
  ['waiting', 'selfserve_db_pool_waiting_requests', 'Queries waiting for a connection (the pool is exhausted)'],
] as const;
const sha256 = (text: string) => createHash('sha256').update(text).digest();

/**
 * Prometheus metrics at /metrics, for the holder of SELFSERVE_METRICS_TOKEN only: they tell
 * traffic, load and timings that are nobody else's business. One registry per app, so that
 * several apps in one process (the tests) keep their own.
 */
export const metricsPlugin = fp<MetricsOptions & { deps: Deps }>(async (app, { deps, token, lastJobRun }) => {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];

  const latency = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer a request, by route pattern (unmatched: no route), method and status class',
    labelNames: ['route', 'method', 'status_class'] as const,
    registers,
  });
  app.addHook('onResponse', async (request, reply) => {
    const labels = {
      route: request.routeOptions.url ?? 'unmatched',
      method: request.method,
      status_class: `${Math.floor(reply.statusCode / 100)}xx`,
    };
    latency.observe(labels, reply.elapsedTime / 1000);
  });

  // PGlite has one connection and no pool to show
  const poolStats = deps.db.poolStats ? () => deps.db.poolStats!() : undefined;
  for (const [key, name, help] of poolStats ? POOL_GAUGES : []) {
    new Gauge({
      name,
      help,
      registers,
      collect() {
        this.set(poolStats!()[key]);
      },
    });
  }

  new Gauge({
    name: 'selfserve_jobs_last_run_timestamp_seconds',
    help: 'When this server last ran the background jobs to the end (0: not yet; one server at a time runs them)',
    registers,
    collect() {
      const at = lastJobRun?.();
      if (at) this.set(at.getTime() / 1000);
    },
  });
  new Gauge({
    name: 'selfserve_jobs_oldest_due_seconds',
    help: 'Age of the oldest work waiting for the background jobs: renewal (a term ended), pending_charge, email (0: none waits)',
    labelNames: ['work'] as const,
    registers,
    async collect() {
      const now = deps.clock.now();
      const backlog = await findJobsBacklog(deps.db, now).catch((err: unknown) => {
        app.log.warn({ err }, 'metrics: the jobs backlog could not be read');
        return undefined;
      });
      this.reset();
      if (!backlog) return;
      for (const [work, key] of Object.entries(BACKLOG_LABELS) as [string, keyof JobsBacklog][]) {
        const due = backlog[key];
        this.set({ work }, due ? Math.max(0, now.getTime() - due.getTime()) / 1000 : 0);
      }
    },
  });

  app.get('/metrics', { config: { public: true }, schema: { hide: true } }, async (request, reply) => {
    if (!token)
      return sendProblem(request, reply, problem('not_found', 'Metrics are off: set SELFSERVE_METRICS_TOKEN.'));
    const presented = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (!presented || !timingSafeEqual(sha256(presented), sha256(token))) {
      reply.header('www-authenticate', 'Bearer realm="metrics"');
      return sendProblem(
        request,
        reply,
        problem('unauthenticated', 'Present the metrics token as "Authorization: Bearer <token>".'),
      );
    }
    return reply.type(registry.contentType).send(await registry.metrics());
  });
});
