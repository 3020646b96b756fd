import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { API_TYPES_FILE, apiTypesOf } from '../../scripts/api-types.js';
import { send, startTestApp, type TestApp } from '../helpers/app.js';

// The web app compiles against types generated from the served document: a route whose schema
// changed without regenerating them would let the two drift.

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

it('the committed web/src/api/schema.d.ts is what the served /api/openapi.json generates', async () => {
  const doc = (await send(`${app.url}/api/openapi.json`, 'GET')).body as object;
  const committed = await readFile(API_TYPES_FILE, 'utf8');
  expect(await apiTypesOf(doc), 'web/src/api/schema.d.ts is out of date: run `npm run api-types` and commit it').toBe(
    committed,
  );
});
