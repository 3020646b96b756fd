// Run by `npm install` (prepare): see src/db/pglite-template.ts.
import { TEMPLATE_FILE, writePgliteTemplate } from '../src/db/pglite-template.js';

await writePgliteTemplate();
console.log(`embedded database template: ${TEMPLATE_FILE}`);
