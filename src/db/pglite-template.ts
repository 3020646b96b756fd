import { existsSync, openAsBlob } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { openPglite } from './database.js';
import { migrate } from './migrate.js';

/**
 * Creating an embedded database runs initdb in WebAssembly, several seconds. `npm install` makes
 * one migrated database once and keeps its files here; a new database starts as a copy of it.
 */
export const TEMPLATE_FILE = fileURLToPath(new URL('../../node_modules/.cache/selfserve/pglite-template.tar', import.meta.url));

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
