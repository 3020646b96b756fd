import { describe, expect, it } from 'vitest';
import { signedInPage, useAppAndBrowser } from '../helpers/browser.js';

// See, don't read: licenses used against bought and what the unused ones cost, and the spend of
// the last twelve months, with the numbers written beside the bars.
const ctx = useAppAndBrowser();
const eur = (locale: string, amount: number) => new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(amount);

describe('where the money goes', () => {
  it('on Your products, in French at 1280 px: use and idle cost per product, and the spend by month', async () => {
    const page = await signedInPage(ctx.browser, ctx.app.url, 'adele@contoso.example', 'fr-FR');
    await page.getByRole('navigation').getByRole('link', { name: 'Produits' }).click();
    const use = page.getByRole('figure', { name: 'Licences utilisées par rapport aux licences achetées' });
    // Power BI Pro: 100 licenses at 13.70 a month, nobody assigned; Project Plan 1: 5 at 11.28
    await use.getByText(`Power BI Pro : 0 licences utilisées sur 100, 100 inutilisées (${eur('fr-FR', 1370)} par mois)`).waitFor();
    await use.getByText(`Project Plan 1 : 0 licences utilisées sur 5, 5 inutilisées (${eur('fr-FR', 56.4)} par mois)`).waitFor();
    await use.getByText(`Les licences que personne n’utilise coûtent ${eur('fr-FR', 1426.4)} par mois.`).waitFor();
    const spend = page.getByRole('figure', { name: 'Dépenses des 12 derniers mois' });
    expect(await spend.getByRole('listitem').count()).toBe(12);
    // both purchases were paid in March 2026: 19,728.00 + 67.68
    await spend.getByRole('listitem').filter({ hasText: 'mars 2026' }).getByText(eur('fr-FR', 19795.68)).waitFor();
    await spend.getByText(`${eur('fr-FR', 19795.68)} au total, avoirs déduits.`).waitFor();
    await page.context().close();
  });

  it("on the admin overview, in English at 390 px: the organization's licenses, within the screen", async () => {
    const page = await signedInPage(ctx.browser, ctx.app.url, 'admin@contoso.example', 'en-US');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/admin');
    const use = page.getByRole('figure', { name: 'Licenses used against bought' });
    await use.getByText(`Visio Plan 2: 0 of 10 licenses used, 10 unused (${eur('en-US', 169.2)} a month)`).waitFor();
    await use.getByText('Power BI Pro: 0 of 100 licenses used', { exact: false }).waitFor();
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.context().close();
  });
});
