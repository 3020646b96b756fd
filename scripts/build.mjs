// Run once by `npm install` / `npm ci` (prepare) and by `npm test`, so that `npm start` only
// starts: the web UI (web/dist), the server bundled with its TypeScript compiled away
// (dist/server/main.mjs) and the embedded database template (see src/db/pglite-template.ts).
// Plain JavaScript, and its tools are dependencies: a production install runs it too.
// `node scripts/build.mjs server` builds only the server bundle.
import { build as buildWeb } from 'vite';
import { build as bundle } from 'esbuild';

const parts = process.argv.slice(2);
const wants = (part) => parts.length === 0 || parts.includes(part);

if (wants('web')) await buildWeb({ logLevel: 'warn' });
if (wants('server') || wants('template')) {
  await bundle({
    entryPoints: ['src/main.ts', 'src/cli/selfserve.ts', 'scripts/make-pglite-template.ts'],
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
  });
}
if (wants('template')) await import('../dist/server/make-pglite-template.mjs');
