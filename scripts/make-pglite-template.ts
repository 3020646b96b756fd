// Run by `npm install` (prepare): see src/db/pglite-template.ts.
import { rm } from 'node:fs/promises';
import { loadConfig } from '../src/config.js';
import { DEMO_DATA_DIR, TEMPLATE_FILE, writePgliteTemplate } from '../src/db/pglite-template.js';
import { createServer } from '../src/server.js';

await writePgliteTemplate();
console.log(`embedded database template: ${TEMPLATE_FILE}`);
// a first start, as `npm start` with the defaults makes it, on a data directory of its own
await rm(DEMO_DATA_DIR, { recursive: true, force: true });
const server = await createServer({ ...loadConfig({}), dataDir: DEMO_DATA_DIR });
await server.close();
console.log(`embedded database with the demo data: ${DEMO_DATA_DIR}`);
