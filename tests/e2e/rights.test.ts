import { describe, expect, it } from 'vitest';
import { pageLoaded, signedInPage, useAppAndBrowser } from '../helpers/browser.js';
import { POWER_BI_PRO, VISIO_PLAN_1 } from '../helpers/commerce.js';
import { expectNotOffered } from './buy-form.js';

// Refusals before the last click: each person is offered only what they may do, and told why.
const ctx = useAppAndBrowser();

describe('only what the caller may do', () => {
  it('a member is offered only the products the policy allows, a trial-only product as a trial', async () => {
    const admin = await ctx.app.signIn('admin@contoso.example');
    await admin.put(`/api/admin/self-service-policy/${VISIO_PLAN_1}`, { value: 'Disabled' });
    await admin.put(`/api/admin/self-service-policy/${POWER_BI_PRO}`, { value: 'OnlyTrialsWithoutPaymentMethod' });
    const page = await signedInPage(ctx.browser, ctx.app.url, 'megan@contoso.example', 'fr-FR');
    await expectNotOffered(page, 'fr-FR', 'Visio Plan 1');
    await page.getByRole('option', { name: 'Power BI Pro' }).click();
    const trial = page.getByRole('checkbox', { name: 'Commencer un essai gratuit (30 jours)' });
    expect([await trial.isChecked(), await trial.isDisabled()]).toEqual([true, true]);
    await page.getByText('Votre organisation n’autorise que l’essai de ce produit.').waitFor();
    await page.getByRole('button', { name: 'Passer la commande' }).click();
    await page.getByRole('heading', { name: 'Power BI Pro', level: 1 }).waitFor();
    await page.context().close();
    await admin.put(`/api/admin/self-service-policy/${VISIO_PLAN_1}`, { value: 'Enabled' });
    await admin.put(`/api/admin/self-service-policy/${POWER_BI_PRO}`, { value: 'Enabled' });
  });

  it("an admin opening a member's purchase sees no buy, remove, cancel or assign, and why", async () => {
    const adele = await ctx.app.signIn('adele@contoso.example');
    const sub = (await adele.get('/api/subscriptions')).body.items.find(
      (s: { product: { name: string } }) => s.product.name === 'Project Plan 1',
    );
    const page = await signedInPage(ctx.browser, ctx.app.url, 'admin@contoso.example', 'en-US');
    await page.goto(`/billing/products/${sub.id}`);
    await page
      .getByText('Adèle Vance bought this subscription by self-service: admins see it read-only.', { exact: false })
      .waitFor();
    for (const name of ['Buy licenses', 'Remove licenses', 'More actions', 'Reactivate'])
      expect(await page.getByRole('button', { name }).count()).toBe(0);
    expect(await page.getByRole('switch', { name: 'Recurring billing' }).isDisabled()).toBe(true);
    await page.goto(`/billing/licenses/${sub.id}`);
    await page.getByRole('heading', { name: 'Project Plan 1', level: 1 }).waitFor();
    expect(await page.getByRole('button', { name: 'Assign licenses' }).count()).toBe(0);
    await page.context().close();
  });

  it('a global reader is offered no purchase and no new payment method', async () => {
    const page = await signedInPage(ctx.browser, ctx.app.url, 'reader@contoso.example', 'fr-FR');
    await page.getByRole('navigation').getByRole('link', { name: 'Produits' }).click();
    await pageLoaded(page, 'Produits');
    expect(await page.getByRole('button', { name: 'Acheter un produit' }).count()).toBe(0);
    await page.getByRole('navigation').getByRole('link', { name: 'Factures et paiements' }).click();
    await page.getByRole('tab', { name: 'Modes de paiement' }).click();
    await page.getByRole('tab', { name: 'Modes de paiement', selected: true }).waitFor();
    await pageLoaded(page);
    expect(await page.getByRole('button', { name: 'Ajouter un mode de paiement' }).count()).toBe(0);
    await page.context().close();
  });
});
