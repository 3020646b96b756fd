import { existsSync, mkdirSync } from 'node:fs';
import type { Config } from './config.js';
import { connectPostgres, openPglite, type Database } from './db/database.js';
import { migrate } from './db/migrate.js';
import { readPgliteTemplate } from './db/pglite-template.js';
import { systemClock, type Clock } from './domain/clock.js';
import { SandboxGateway } from './gateway/sandbox.js';
import { buildApp } from './http/app.js';
import { seedCatalog, seedDemo } from './demo/seed.js';
import { seedDemoPurchases } from './demo/purchases.js';
import type { Deps } from './services/deps.js';
import { runJobsOnce } from './services/jobs/run-jobs.js';
import { smtpMailer } from './services/notifications/mailer.js';

export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Database> {
  if (config.databaseUrl) return connectPostgres(config.databaseUrl);
  const isNew = !existsSync(`${config.dataDir}/PG_VERSION`);
  mkdirSync(config.dataDir, { recursive: true });
  return openPglite(config.dataDir, { template: isNew ? await readPgliteTemplate() : undefined });
}

/** Migrates, loads the catalog and (the first time) the demo data, and builds the app. */
export async function createServer(
  config: Config,
  opts: { db?: Database; clock?: Clock; logger?: boolean | object; runJobs?: boolean; demoPurchases?: boolean } = {},
) {
  const db = opts.db ?? (await openDatabase(config));
  await migrate(db);
  await seedCatalog(db);
  await seedDemo(db, config.demoPassword);
  const clock = opts.clock ?? systemClock;
  const deps: Deps = {
    db, clock, gateway: new SandboxGateway(db, clock), mailer: config.smtpUrl ? smtpMailer(config.smtpUrl) : undefined,
    operatorToken: config.operatorToken, dnsServers: config.dnsServers, publicUrl: config.publicUrl,
  };
  if (opts.demoPurchases ?? true) await seedDemoPurchases(deps);
  const app = await buildApp({ deps, logger: opts.logger ?? false, trustProxy: config.trustProxy });
  // renewals, lifecycle and reconciliation of charges a crash left pending: at start, then on a timer
  let jobs: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  if (opts.runJobs && config.jobsIntervalSeconds > 0) {
    const tick = () => {
      // a long run is not overlapped by the next tick (PGlite's one connection would re-enter the lock)
      running ??= runJobsOnce(deps)
        .catch((err) => app.log.error({ err }, 'background jobs failed'))
        .finally(() => (running = undefined));
    };
    tick();
    jobs = setInterval(tick, config.jobsIntervalSeconds * 1000).unref();
  }
  return {
    app,
    deps,
    async close() {
      clearInterval(jobs);
      await running;
      await app.close();
      await db.close();
    },
  };
}
