import { existsSync, mkdirSync } from 'node:fs';
import type { Config } from './config.js';
import { connectPostgres, openPglite, type Database } from './db/database.js';
import { migrate } from './db/migrate.js';
import { readPgliteTemplate } from './db/pglite-template.js';
import { systemClock, type Clock } from './domain/clock.js';
import { SandboxGateway } from './gateway/sandbox.js';
import { buildApp } from './http/app.js';
import { seedCatalog, seedDemo } from './demo/seed.js';
import type { Deps } from './services/deps.js';

export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Database> {
  if (config.databaseUrl) return connectPostgres(config.databaseUrl);
  const isNew = !existsSync(`${config.dataDir}/PG_VERSION`);
  mkdirSync(config.dataDir, { recursive: true });
  return openPglite(config.dataDir, { template: isNew ? await readPgliteTemplate() : undefined });
}

/** Migrates, loads the catalog and (the first time) the demo data, and builds the app. */
export async function createServer(config: Config, opts: { db?: Database; clock?: Clock; logger?: boolean | object } = {}) {
  const db = opts.db ?? (await openDatabase(config));
  await migrate(db);
  await seedCatalog(db);
  await seedDemo(db, config.demoPassword);
  const clock = opts.clock ?? systemClock;
  const deps: Deps = { db, clock, gateway: new SandboxGateway(db, clock) };
  const app = await buildApp({ deps, logger: opts.logger ?? false, trustProxy: config.trustProxy });
  return {
    app,
    deps,
    async close() {
      await app.close();
      await db.close();
    },
  };
}
