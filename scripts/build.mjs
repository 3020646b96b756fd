// Run once by `npm install` / `npm ci` (prepare) and by `npm test`, so that `npm start` only
// starts: the web UI (web/dist), the server bundled with its TypeScript compiled away
// (dist/server/main.mjs), the embedded database template (see src/db/pglite-template.ts) and,
// where the dev tools are installed, the web app's API types (scripts/api-types.ts).
// Plain JavaScript, and its tools are dependencies: a production install runs it too.
// `node scripts/build.mjs server` builds only the server bundle.
import { build as buildWeb } from 'vite';
import { build as bundle } from 'esbuild';
import { execFile } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const run = promisify(execFile);
const WARM_COMPILE_CACHE = `
  import { enableCompileCache, flushCompileCache } from 'node:module';
  enableCompileCache();
  await import('./dist/server/serve.mjs');
  flushCompileCache();
  process.exit(0);`;

const parts = process.argv.slice(2);
const wants = (part) => parts.length === 0 || parts.includes(part);

if (wants('web')) {
  await buildWeb({ logLevel: 'warn' });
  // compressed once here at the highest levels, sent as they are (@fastify/static's preCompressed)
  for (const name of await readdir('web/dist/assets')) {
    if (!/\.(js|css|svg|json)$/.test(name)) continue;
    const file = `web/dist/assets/${name}`;
    const bytes = await readFile(file);
    await writeFile(
      `${file}.br`,
      brotliCompressSync(bytes, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
      }),
    );
    await writeFile(`${file}.gz`, gzipSync(bytes, { level: 9 }));
  }
}
if (wants('server') || wants('template')) {
  const bundleOf = (entryPoints, options = {}) =>
    bundle({
      entryPoints,
      bundle: true,
      platform: 'node',
      format: 'esm',
      // node_modules stay where they are; the bundle sits two levels down, like src/db, so the
      // paths it resolves from its own address (migrations, web/dist, the template) still hold
      packages: 'external',
      entryNames: '[name]',
      outExtension: { '.js': '.mjs' },
      outdir: 'dist/server',
      logLevel: 'warning',
      ...options,
    });
  await bundleOf(['src/cli/selfserve.ts', 'scripts/make-pglite-template.ts']);
  // main.mjs turns Node's compile cache on, then imports the server: serve.mjs, a chunk of its own
  await bundleOf(['src/main.ts'], { splitting: true, chunkNames: '[name]' });
  // compiled once here, so that the first `npm start` finds the server's code in the cache too
  await run(process.execPath, ['--input-type=module', '-e', WARM_COMPILE_CACHE]);
}
if (wants('template')) await import('../dist/server/make-pglite-template.mjs');
// the web app's API types, from the document the server serves; a production install has neither
// the generator nor a compiler to give them to (they are dev tools)
if (wants('api-types') && installed('tsx') && installed('openapi-typescript'))
  await run(process.execPath, ['--import', 'tsx', 'scripts/api-types.ts']);

function installed(name) {
  try {
    return Boolean(import.meta.resolve(name));
  } catch {
    return false;
  }
}
