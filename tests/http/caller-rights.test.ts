import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { buy, POWER_APPS, POWER_BI_PRO, VISIO_PLAN_1 } from '../helpers/commerce.js';
import { createProduct } from '../../src/services/catalog/create-product.js';

// The API says what the caller may do, so that the web app offers only that.
const t = useTestApp();

describe('what the caller may do', () => {
  it('with a subscription: its buyer changes it; an admin and a global reader only read it, and are told why', async () => {
    const adele = await t.app.signIn('adele@contoso.example');
    const sub = (await buy(adele, { quantity: 2 })).body;
    expect((await adele.get(`/api/subscriptions/${sub.id}`)).body.can).toEqual({
      changeLicenses: true,
      assignLicenses: true,
      cancel: true,
      reactivate: false,
      autoRenew: true,
      reason: null,
    });
    const admin = await t.app.signIn('admin@contoso.example');
    const seen = (await admin.get('/api/subscriptions')).body.items.find((s: { id: string }) => s.id === sub.id);
    expect(seen.can).toEqual({
      changeLicenses: false,
      assignLicenses: false,
      cancel: false,
      reactivate: false,
      autoRenew: false,
      reason: 'read_only_for_admins',
    });
    const reader = await t.app.signIn('reader@contoso.example');
    expect((await reader.get(`/api/subscriptions/${sub.id}`)).body.can.reason).toBe('read_only');

    await adele.post(`/api/subscriptions/${sub.id}/cancel`, { reason: 'other' });
    expect((await adele.get(`/api/subscriptions/${sub.id}`)).body.can).toMatchObject({
      changeLicenses: false,
      cancel: false,
      reactivate: true,
    });
  });

  it('with a product: the policy decides for members, not for admins; a global reader buys nothing', async () => {
    const admin = await t.app.signIn('admin@contoso.example');
    expect((await admin.put(`/api/admin/self-service-policy/${VISIO_PLAN_1}`, { value: 'Disabled' })).status).toBe(200);
    expect(
      (await admin.put(`/api/admin/self-service-policy/${POWER_BI_PRO}`, { value: 'OnlyTrialsWithoutPaymentMethod' }))
        .status,
    ).toBe(200);
    expect(
      (await admin.put(`/api/admin/self-service-policy/${POWER_APPS}`, { value: 'OnlyTrialsWithoutPaymentMethod' }))
        .status,
    ).toBe(200);
    const can = async (email: string) =>
      Object.fromEntries(
        (await (await t.app.signIn(email)).get('/api/products')).body.items.map((p: { id: string; can: unknown }) => [
          p.id,
          p.can,
        ]),
      );

    const megan = await can('megan@contoso.example');
    expect(megan[VISIO_PLAN_1]).toEqual({ buy: false, trial: false, reason: 'self_service_disabled' });
    // Power BI Pro's trial needs no card; Power Apps' does
    expect(megan[POWER_BI_PRO]).toEqual({ buy: false, trial: true, reason: 'only_trials_allowed' });
    expect(megan[POWER_APPS]).toEqual({ buy: false, trial: false, reason: 'only_trials_allowed' });
    expect((await can('admin@contoso.example'))[VISIO_PLAN_1]).toMatchObject({ buy: true, reason: null });
    expect(Object.values(await can('reader@contoso.example')).every((c) => !(c as { buy: boolean }).buy)).toBe(true);
    // what the API says is what a purchase then finds
    const refused = await buy(await t.app.signIn('megan@contoso.example'), { productId: VISIO_PLAN_1 });
    expect(refused.body.code).toBe('self_service_disabled');
  });

  it('with a product priced only in another currency: nobody may buy or try it, and is told why', async () => {
    // Contoso pays in euros; the ruler is sold in dollars only, with a trial
    const ruler = 'NWRULER00002';
    await createProduct(t.app.deps, {
      selfServiceEligible: true,
      id: ruler,
      skuId: '4e5f6071-8293-4a41-8c5d-6e7f80910214',
      skuPartNumber: 'NW_RULER_2',
      name: 'Northwind Ruler 2',
      trialDays: 30,
      prices: { USD: { monthly: 900 } },
    });
    const can = async (person: string) =>
      (await (await t.app.signIn(person)).get('/api/products')).body.items.find((p: { id: string }) => p.id === ruler)
        .can;
    const notForSale = { buy: false, trial: false, reason: 'price_unavailable' };
    expect(await can('megan@contoso.example')).toEqual(notForSale);
    expect(await can('admin@contoso.example')).toEqual(notForSale);
    expect(await can('reader@contoso.example')).toEqual({ buy: false, trial: false, reason: 'read_only' });
    // a member whose organization hides it is told that first: priced or not, it is not offered
    const admin = await t.app.signIn('admin@contoso.example');
    expect((await admin.put(`/api/admin/self-service-policy/${ruler}`, { value: 'Disabled' })).status).toBe(200);
    expect(await can('megan@contoso.example')).toEqual({ buy: false, trial: false, reason: 'self_service_disabled' });
    // what the API says is what a purchase or a trial then finds
    for (const trial of [false, true]) {
      const refused = await buy(admin, { productId: ruler, term: 'monthly', ...(trial ? { trial } : {}) });
      expect(refused.body.code).toBe('price_unavailable');
    }
  });
});
