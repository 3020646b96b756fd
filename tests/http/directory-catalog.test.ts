import { describe, expect, it } from 'vitest';
import { useSignedInApp, send, codeOf } from '../helpers/app.js';

const t = useSignedInApp(['adele', 'joni']);

describe('directory', () => {
  it('finds people by the start of their name, ignoring case and accents', async () => {
    const res = await t.adele.get('/api/people?search=ade');
    expect(res.status).toBe(200);
    expect(res.body.items.map((p: { displayName: string }) => p.displayName)).toEqual(['Adèle Vance']);
    const upper = await t.adele.get('/api/people?search=%C3%89LO'); // "ÉLO"
    expect(upper.body.items.map((p: { displayName: string }) => p.displayName)).toEqual(['Élodie Martin']);
  });

  it('finds people by the start of their email', async () => {
    const res = await t.adele.get('/api/people?search=megan%40');
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0]).toMatchObject({
      email: 'megan@contoso.example',
      displayName: 'Megan Bowen',
      role: 'member',
    });
  });

  it('never shows people of another organization', async () => {
    // Fabrikam has an "Adele Vance" too
    const fromFabrikam = await t.joni.get('/api/people?search=ade');
    expect(fromFabrikam.body.items.map((p: { email: string }) => p.email)).toEqual(['adele.vance@fabrikam.example']);
    const all = await t.adele.get('/api/people?limit=100');
    expect(all.body.items.every((p: { email: string }) => p.email.endsWith('@contoso.example'))).toBe(true);
  });

  it('pages through the whole organization without repeats or gaps', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { body: { items: { id: string }[]; nextCursor: string | null } } = await t.adele.get(
        `/api/people?limit=20${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...res.body.items.map((p) => p.id));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor);
    expect(seen.length).toBeGreaterThanOrEqual(50);
    expect(new Set(seen).size).toBe(seen.length);
    expect(pages).toBe(Math.ceil(seen.length / 20));
  });

  it('treats LIKE wildcards literally and refuses a forged cursor with 400', async () => {
    expect((await t.adele.get('/api/people?search=%25')).body.items).toEqual([]);
    const forged = Buffer.from(JSON.stringify({ searchName: 1, id: 'x' })).toString('base64url');
    const res = await t.adele.get(`/api/people?cursor=${forged}`);
    expect(res.status).toBe(400);
    expect(codeOf(res)).toBe('invalid_cursor');
  });

  it('answers 400 problem+json for a limit out of range', async () => {
    const res = await t.adele.get('/api/people?limit=1000');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(codeOf(res)).toBe('validation_failed');
  });
});

describe('catalog', () => {
  it("prices products in the organization's currency, in minor units", async () => {
    const eur = await t.adele.get('/api/products');
    const usd = await t.joni.get('/api/products');
    const pbiEur = eur.body.items.find((p: { skuPartNumber: string }) => p.skuPartNumber === 'POWER_BI_PRO');
    const pbiUsd = usd.body.items.find((p: { skuPartNumber: string }) => p.skuPartNumber === 'POWER_BI_PRO');
    expect(pbiEur).toMatchObject({
      name: 'Power BI Pro',
      selfServiceEligible: true,
      skuId: 'f8a1db68-be16-40ed-86d5-cb42ce701560',
    });
    expect(pbiEur.prices.annual).toEqual({ amount: 1370, currency: 'EUR' });
    expect(pbiUsd.prices.annual).toEqual({ amount: 1400, currency: 'USD' });
    expect(pbiEur.prices.monthly.amount).toBeGreaterThan(pbiEur.prices.annual.amount);
  });

  it('holds the products sold self-service in real life and one that is not', async () => {
    const names = (await t.adele.get('/api/products')).body.items.map(
      (p: { name: string; selfServiceEligible: boolean }) => [p.name, p.selfServiceEligible],
    );
    for (const name of [
      'Power BI Pro',
      'Power Apps per user',
      'Power Automate per user',
      'Project Plan 1',
      'Project Plan 3',
      'Visio Plan 1',
      'Visio Plan 2',
    ]) {
      expect(names).toContainEqual([name, true]);
    }
    expect(names.some(([, eligible]: [string, boolean]) => !eligible)).toBe(true);
  });
});

describe('API conventions', () => {
  it('answers unknown API routes with a 404 problem, and malformed JSON with a 400 problem', async () => {
    const missing = await t.adele.get('/api/nothing-here');
    expect(missing.status).toBe(404);
    expect(codeOf(missing)).toBe('not_found');
    const bad = await send(`${t.app.url}/api/session`, 'POST', '{"email":', { 'content-type': 'application/json' });
    expect(bad.status).toBe(400);
    expect(codeOf(bad)).toBe('invalid_json');
  });

  it('requires a signed-in person on API routes', async () => {
    const res = await send(`${t.app.url}/api/products`, 'GET');
    expect(res.status).toBe(401);
    expect(codeOf(res)).toBe('unauthenticated');
  });

  it('serves an OpenAPI 3.1 document where every API route declares its responses, and the reference page', async () => {
    const doc = await send(`${t.app.url}/api/openapi.json`, 'GET');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe('3.1.0');
    const operations = Object.entries(doc.body.paths as Record<string, Record<string, { responses?: object }>>).flatMap(
      ([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op })),
    );
    expect(operations.length).toBeGreaterThanOrEqual(8);
    for (const { path, method, op } of operations) {
      expect(Object.keys(op.responses ?? {}), `${method} ${path}`).not.toHaveLength(0);
    }
    const docs = await send(`${t.app.url}/api/docs/`, 'GET');
    expect(docs.status).toBe(200);
    expect(docs.text).toMatch(/swagger/i);
  });
});
