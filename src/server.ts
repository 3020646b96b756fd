import { existsSync, mkdirSync } from 'node:fs';
import { loadConfig, type Config } from './config.js';
import { connectPostgres, openPglite, type Database } from './db/database.js';
import { migrate } from './db/migrate.js';
import { copyDemoDataDir, readPgliteTemplate } from './db/pglite-template.js';
import { systemClock, type Clock } from './domain/clock.js';
import { SandboxGateway } from './gateway/sandbox.js';
import { buildApp } from './http/app.js';
import { seedDemo } from './demo/seed.js';
import { seedDemoPurchases } from './demo/purchases.js';
import type { Deps } from './services/deps.js';
import { CredentialCache } from './services/auth/credential-cache.js';
import { startJobRunner } from './services/jobs/run-jobs.js';
import { smtpMailer } from './services/notifications/mailer.js';
import { loadCatalog } from './services/catalog/load-catalog.js';
import { CATALOG } from './demo/catalog.js';
import { startWebhookDispatcher } from './services/webhooks/dispatcher.js';

/**
 * PostgreSQL, or the embedded database in `dataDir`. A new one is a copy of the build's demo
 * data directory when `demo` (what a first start would load: see pglite-template.ts), else of
 * the migrated template.
 */
export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>, demo = false): Promise<Database> {
  if (config.databaseUrl) return connectPostgres(config.databaseUrl);
  const isNew = !existsSync(`${config.dataDir}/PG_VERSION`);
  mkdirSync(config.dataDir, { recursive: true });
  if (isNew && demo && (await copyDemoDataDir(config.dataDir))) return openPglite(config.dataDir);
  return openPglite(config.dataDir, { template: isNew ? await readPgliteTemplate() : undefined });
}

/** Migrates, loads the catalog and (the first time) the demo data, and builds the app. */
export async function createServer(
  config: Config,
  opts: {
    db?: Database;
    clock?: Clock;
    logger?: boolean | object;
    runJobs?: boolean;
    demoPurchases?: boolean;
    webhooks?: boolean;
  } = {},
) {
  const demoPurchases = (opts.demoPurchases ?? true) && !config.catalogPath;
  // the build's demo data is of the demo catalog, bought at the build's time with the default password
  const db =
    opts.db ??
    (await openDatabase(config, demoPurchases && !opts.clock && config.demoPassword === loadConfig({}).demoPassword));
  await migrate(db);
  await seedDemo(db, config.demoPassword);
  const clock = opts.clock ?? systemClock;
  const credentials = new CredentialCache();
  await credentials.listen(db);
  const deps: Deps = {
    db,
    clock,
    credentials,
    providers: new Map(),
    gateway: new SandboxGateway(db, clock),
    mailer: config.smtpUrl ? smtpMailer(config.smtpUrl) : undefined,
    operatorToken: config.operatorToken,
    dnsServers: config.dnsServers,
    publicUrl: config.publicUrl,
    seller: config.seller,
    webhooks: { allowPrivate: config.webhooksAllowPrivate },
  };
  // the operator's catalog file, checked before anything is served (else the demo catalog)
  await loadCatalog(deps, config.catalogPath, CATALOG);
  // the demo purchases are of the demo catalog's products
  if (demoPurchases) await seedDemoPurchases(deps);
  const app = await buildApp({
    deps,
    logger: opts.logger ?? false,
    trustProxy: config.trustProxy,
    metrics: { token: config.metricsToken, lastJobRun: () => jobs?.lastRunAt() },
  });
  // renewals, lifecycle and reconciliation of charges a crash left pending: at start, then on a timer
  const jobs =
    opts.runJobs && config.jobsIntervalSeconds > 0
      ? startJobRunner(deps, {
          intervalSeconds: config.jobsIntervalSeconds,
          onError: (err) => app.log.error({ err }, 'background jobs failed'),
        })
      : undefined;
  // webhook deliveries, on every server instance (each claims its own messages)
  const webhooks =
    (opts.webhooks ?? opts.runJobs)
      ? startWebhookDispatcher(deps, { onError: (err) => app.log.error({ err }, 'webhook delivery failed') })
      : undefined;
  return {
    app,
    deps,
    jobs,
    /**
     * Stops taking connections, lets the requests in flight and the jobs' step under way finish
     * (cut after the shutdown timeout), then closes the database. False when it had to cut.
     */
    async close(): Promise<boolean> {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<false>(
        (resolve) => (timer = setTimeout(resolve, config.shutdownTimeoutSeconds * 1000, false)),
      );
      // a keep-alive connection whose request was under way becomes idle once answered: close it
      // then, not after the keep-alive timeout (Node closes only the connections idle at the start)
      const reaper = setInterval(() => app.server.closeIdleConnections(), 50);
      try {
        const finished = await Promise.race([
          Promise.all([app.close(), jobs?.stop(), webhooks?.stop()]).then(() => true),
          late,
        ]);
        // what still runs is cut: its transactions roll back, and clients see the connection close
        if (!finished) app.server.closeAllConnections();
        return finished;
      } finally {
        clearTimeout(timer);
        clearInterval(reaper);
        await db.close();
      }
    },
  };
}
