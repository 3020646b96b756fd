import { existsSync, openAsBlob } from 'node:fs';
import { copyFile, cp, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { openPglite } from './database.js';
import { migrate } from './migrate.js';

/**
 * Creating an embedded database runs initdb in WebAssembly, several seconds. `npm install` makes
 * one migrated database once and keeps its files here; a new database starts as a copy of it.
 */
export const TEMPLATE_FILE = fileURLToPath(
  new URL('../../node_modules/.cache/selfserve/pglite-template.tar', import.meta.url),
);

/**
 * A data directory as a first `npm start` leaves it (migrated, with the demo data), made by the
 * build the same way: a new embedded database of `npm start` is a copy of it, made with the
 * file system's own copy, where restoring the tar through PGlite and seeding took seconds.
 */
export const DEMO_DATA_DIR = fileURLToPath(
  new URL('../../node_modules/.cache/selfserve/pglite-demo/', import.meta.url),
);

export async function writePgliteTemplate(file = TEMPLATE_FILE): Promise<void> {
  const db = await PGlite.create();
  await migrate(await openPglite(undefined, { instance: db }));
  const dump = await db.dumpDataDir('none');
  await db.close();
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
}

/**
 * The template's files, or undefined when there is none (then PGlite runs initdb). A file-backed
 * Blob: PGlite reads it once, where a Blob made of the read file would copy 40 MB twice.
 */
export async function readPgliteTemplate(file = TEMPLATE_FILE): Promise<Blob | undefined> {
  if (!existsSync(file)) return undefined;
  return openAsBlob(file);
}

/**
 * Copies the demo data directory into `dataDir`; false when there is none. PG_VERSION, which
 * says a directory holds a database, is copied last: a copy cut short is made again next time.
 */
export async function copyDemoDataDir(dataDir: string): Promise<boolean> {
  if (!existsSync(join(DEMO_DATA_DIR, 'PG_VERSION'))) return false;
  await cp(DEMO_DATA_DIR, dataDir, {
    recursive: true,
    filter: (source) => source !== join(DEMO_DATA_DIR, 'PG_VERSION'),
  });
  await copyFile(join(DEMO_DATA_DIR, 'PG_VERSION'), join(dataDir, 'PG_VERSION'));
  return true;
}
