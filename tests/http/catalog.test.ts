import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, send, codeOf, type Client, type TestApp } from '../helpers/app.js';
import { buy, invoicesOf } from '../helpers/commerce.js';
import { loadCatalog } from '../../src/services/catalog/load-catalog.js';
import { runJobsOnce } from '../../src/services/jobs/run-jobs.js';

const OPERATOR_TOKEN = 'operator-secret-for-catalog-tests-012';
const engines = process.env.DATABASE_URL ? (['postgres', 'pglite'] as const) : (['pglite'] as const);
const dir = mkdtempSync(join(tmpdir(), 'selfserve-catalog-'));

/** The operator's own product, as a catalog file gives it. */
const whiteboard = (eurMonthly: number) => ({
  id: 'NWWHITEBRD01',
  skuId: '6a4f2b1e-3c5d-4e7f-8a9b-0c1d2e3f4a5b',
  skuPartNumber: 'NW_WHITEBOARD_PRO',
  name: 'Northwind Whiteboard Pro',
  description: 'Infinite canvas for teams.',
  servicePlans: [{ servicePlanId: '0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a', servicePlanName: 'NW_WHITEBOARD' }],
  selfServiceEligible: true,
  trialDays: 14,
  trialRequiresPaymentMethod: false,
  prices: { EUR: { monthly: eurMonthly, annual: eurMonthly - 100 }, USD: { monthly: eurMonthly + 100 } },
});
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

let app: TestApp;
let adele: Client, megan: Client;
const operator = (method: string, path: string, body?: unknown) =>
  send(`${app.url}/api/operator/products${path}`, method, body, { authorization: `Bearer ${OPERATOR_TOKEN}` });
/** Sessions end as the clock moves on by days: sign in again after moving it. */
const signInAgain = async () => {
  [adele, megan] = await Promise.all([app.signIn('adele@contoso.example'), app.signIn('megan@contoso.example')]);
};

describe.each(engines)("the operator's catalog on %s", (engine) => {
  beforeAll(async () => {
    const catalog = file(`catalog-${engine}.yaml`, stringify({ products: [whiteboard(1000)] }));
    app = await startTestApp({ engine, env: { SELFSERVE_CATALOG: catalog, SELFSERVE_OPERATOR_TOKEN: OPERATOR_TOKEN } });
  });
  beforeEach(signInAgain);
  afterAll(() => app?.close());

  it('sells a product of the catalog file, and a new price at once to new buyers and at the next renewal to running subscriptions', async () => {
    const listed = (await adele.get('/api/products')).body.items.find((p: { id: string }) => p.id === 'NWWHITEBRD01');
    expect(listed).toMatchObject({
      name: 'Northwind Whiteboard Pro',
      trialDays: 14,
      prices: { monthly: { amount: 1000, currency: 'EUR' } },
    });
    expect(listed.servicePlans).toEqual([
      { servicePlanId: '0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a', servicePlanName: 'NW_WHITEBOARD', appliesTo: 'User' },
    ]);
    const bought = await buy(adele, { productId: 'NWWHITEBRD01', quantity: 2, term: 'monthly' });
    expect(bought.status).toBe(201);
    expect((await invoicesOf(app, bought.body.id))[0]).toMatchObject({ subtotal: 2000 });

    // the operator raises the price in the file; the next start, a day later, loads it
    app.clock.advanceDays(1);
    await loadCatalog(app.deps, file(`catalog-${engine}-2.json`, JSON.stringify({ products: [whiteboard(1200)] })));
    await signInAgain();
    const quote = await megan.get('/api/subscriptions/quote?productId=NWWHITEBRD01&quantity=2&term=monthly');
    expect(quote.body.subtotal).toEqual({ amount: 2400, currency: 'EUR' });
    const told = (await adele.get('/api/notifications')).body.items.find(
      (n: { kind: string }) => n.kind === 'price_changed',
    );
    expect(told.payload).toMatchObject({ subscriptionId: bought.body.id, from: 1000, to: 1200, price: '12.00 EUR' });

    // the subscription keeps its price until its term ends; its renewal charges the new one
    const renewal = new Date(bought.body.termEnd);
    app.clock.set(new Date(renewal.getTime() + 60_000));
    await runJobsOnce(app.deps);
    const invoices = await invoicesOf(app, bought.body.id);
    expect(invoices.at(-1)).toMatchObject({ subtotal: 2400, status: 'paid' });
    const history = await send(`${app.url}/api/operator/products/NWWHITEBRD01`, 'GET', undefined, {
      authorization: `Bearer ${OPERATOR_TOKEN}`,
    });
    expect(
      history.body.priceHistory
        .filter((v: { currency: string; term: string }) => v.currency === 'EUR' && v.term === 'monthly')
        .map((v: { amount: number }) => v.amount),
    ).toEqual([1200, 1000]);
  });

  it('lists every problem of a catalog file before anything is served', async () => {
    const bad = file(
      `bad-${engine}.yaml`,
      stringify({
        products: [
          { ...whiteboard(1000), id: 'lower-case', prices: { EUR: { monthly: 12.5 } } },
          { ...whiteboard(1000), skuId: 'not-a-uuid', colour: 'blue' },
        ],
      }),
    );
    const error = await loadCatalog(app.deps, bad).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toContain(`SELFSERVE_CATALOG ${bad} cannot be loaded`);
    expect(message).toMatch(/products\[0\] \(lower-case\)\.id: must match pattern/);
    expect(message).toMatch(/products\[0\] \(lower-case\)\.prices\.EUR\.monthly: must be integer/);
    expect(message).toMatch(/products\[1\] \(NWWHITEBRD01\)\.skuId: must match pattern/);
    expect(message).toMatch(/products\[1\] \(NWWHITEBRD01\): unknown field colour/);
    expect(
      await loadCatalog(app.deps, file('broken.json', '{"products": [')).catch(
        (err: unknown) => (err as Error).message,
      ),
    ).toContain('broken.json cannot be loaded');
    expect(
      await loadCatalog(
        app.deps,
        file('twice.yaml', stringify({ products: [whiteboard(1000), { ...whiteboard(1000), id: 'NWWHITEBRD02' }] })),
      ).catch((err: unknown) => (err as Error).message),
    ).toContain(`skuId ${whiteboard(1000).skuId} is given to more than one product`);
  });

  it('lets the operator add a product, change its prices and retire it from sale without touching running subscriptions', async () => {
    expect((await send(`${app.url}/api/operator/products`, 'GET')).status).toBe(401);
    const product = {
      ...whiteboard(500),
      id: 'NWSTICKY0001',
      skuId: '1b2c3d4e-5f60-4718-9a2b-3c4d5e6f7081',
      skuPartNumber: 'NW_STICKY',
      name: 'Northwind Sticky Notes',
    };
    const created = await operator('POST', '', product);
    expect(created.status).toBe(201);
    expect(created.body.prices).toEqual({ EUR: { monthly: 500, annual: 400 }, USD: { monthly: 600 } });
    expect(codeOf(await operator('POST', '', product))).toBe('conflict');
    expect(codeOf(await operator('POST', '', { ...product, prices: {} }))).toBe('validation_failed');

    const bought = await buy(megan, { productId: 'NWSTICKY0001', quantity: 1, term: 'monthly' });
    expect(bought.status, bought.text).toBe(201);
    const sub = bought.body;
    const changed = await operator('PUT', '/NWSTICKY0001/prices', { EUR: { monthly: 550 } });
    expect(changed.body).toMatchObject({
      changedPrices: 1,
      subscriptionsNotified: 1,
      product: { prices: { EUR: { monthly: 550, annual: 400 } } },
    });

    const retired = await operator('PATCH', '/NWSTICKY0001', { retired: true });
    expect(retired.body.retiredAt).not.toBeNull();
    expect((await megan.get('/api/products')).body.items.map((p: { id: string }) => p.id)).not.toContain(
      'NWSTICKY0001',
    );
    expect(codeOf(await buy(adele, { productId: 'NWSTICKY0001', quantity: 1, term: 'monthly' }))).toBe(
      'price_unavailable',
    );
    // the running subscription is untouched: it renews, at the price its buyer was told of
    expect((await megan.get(`/api/subscriptions/${sub.id}`)).body.status).toBe('active');
    app.clock.set(new Date(new Date(sub.termEnd).getTime() + 60_000));
    await runJobsOnce(app.deps);
    expect((await invoicesOf(app, sub.id)).at(-1)).toMatchObject({ subtotal: 550, status: 'paid' });
    expect(
      (await operator('GET', '')).body.items.find((p: { id: string }) => p.id === 'NWSTICKY0001').retiredAt,
    ).not.toBeNull();
    expect((await operator('PATCH', '/NWSTICKY0001', { retired: false })).body.retiredAt).toBeNull();
  });

  it("answers null for a term not sold in the organization's currency, and refuses to sell it", async () => {
    // annual only in dollars: Contoso pays in euros
    const created = await operator('POST', '', {
      ...whiteboard(700),
      id: 'NWMARKER0001',
      skuId: '2c3d4e5f-6071-4829-8a3b-4c5d6e7f8091',
      skuPartNumber: 'NW_MARKER',
      name: 'Northwind Marker',
      prices: { EUR: { monthly: 700 }, USD: { monthly: 800, annual: 700 } },
    });
    expect(created.status, created.text).toBe(201);
    const listed = (await megan.get('/api/products')).body.items.find((p: { id: string }) => p.id === 'NWMARKER0001');
    expect(listed.prices).toEqual({ monthly: { amount: 700, currency: 'EUR' }, annual: null });

    const quote = await megan.get('/api/subscriptions/quote?productId=NWMARKER0001&quantity=1&term=annual');
    expect(codeOf(quote)).toBe('price_unavailable');
    const refused = await buy(megan, { productId: 'NWMARKER0001', quantity: 1, term: 'annual' });
    expect(refused.status).toBe(422);
    expect(codeOf(refused)).toBe('price_unavailable');
    const bought = await buy(megan, { productId: 'NWMARKER0001', quantity: 1, term: 'monthly' });
    expect(bought.status, bought.text).toBe(201);
    expect((await invoicesOf(app, bought.body.id))[0]).toMatchObject({ subtotal: 700 });
  });
});
