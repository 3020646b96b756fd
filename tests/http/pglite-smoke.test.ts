import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, send, type TestApp } from '../helpers/app.js';

// Always on the embedded database, whatever DATABASE_URL says: `npm start` runs on it.
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ engine: 'pglite' });
});
afterAll(() => app?.close());

describe('on embedded PGlite', () => {
  it('migrates, seeds, signs in, searches and serves the OpenAPI document and the web UI', async () => {
    expect(app.deps.db.kind).toBe('pglite');
    const c = await app.signIn('megan@contoso.example');
    expect((await c.get('/api/me')).body.organization.name).toBe('Contoso');
    expect((await c.get('/api/people?search=ade')).body.items[0].displayName).toBe('Adèle Vance');
    expect((await c.get('/api/products')).body.items.length).toBeGreaterThanOrEqual(8);
    expect((await send(`${app.url}/api/openapi.json`, 'GET')).body.openapi).toBe('3.1.0');
    const page = await send(`${app.url}/billing/licenses`, 'GET');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<div id="root">');
  });
});
