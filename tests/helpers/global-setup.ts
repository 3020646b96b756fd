import { connectPostgres } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrate.js';
import { seedCatalog, seedDemo } from '../../src/demo/seed.js';
import type { TestProject } from 'vitest/node';
import { randomBytes } from 'node:crypto';
import { adminUrl, DEMO_PASSWORD } from './db.js';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDb: string | null;
  }
}

/**
 * With DATABASE_URL, builds one migrated and seeded template database; every test file then
 * gets its own copy of it (CREATE DATABASE ... TEMPLATE), which takes milliseconds.
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  project.provide('templateDb', null);
  if (!url) return;
  // one template per run, so that runs side by side on one server never touch each other's
  const templateDb = `selfserve_template_${randomBytes(4).toString('hex')}`;
  const admin = connectPostgres(adminUrl(url), 1);
  await admin.query(`CREATE DATABASE ${templateDb}`);
  await admin.close();
  const template = connectPostgres(withDatabase(url, templateDb), 1);
  try {
    await migrate(template);
    await seedCatalog(template);
    await seedDemo(template, DEMO_PASSWORD);
  } finally {
    await template.close();
  }
  project.provide('templateDb', templateDb);
  return async () => {
    const a = connectPostgres(adminUrl(url), 1);
    await a.query(`DROP DATABASE IF EXISTS ${templateDb} WITH (FORCE)`);
    await a.close();
  };
}

function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = '/' + name;
  return u.toString();
}
