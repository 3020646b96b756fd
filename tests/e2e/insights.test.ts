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

  // the demo's purchases, all in March 2026: Adèle's 19,728.00 and 67.68, Megan's Visio Plan 2 (10 at 16.92, 20 % VAT) 203.04
  const organization = {
    'fr-FR': { title: 'Dépenses de l’organisation sur les 12 derniers mois', total: 'au total, avoirs déduits.', use: 'Licences utilisées par rapport aux licences achetées', visio: (a: string) => `Visio Plan 2 : 0 licences utilisées sur 10, 10 inutilisées (${a} par mois)` },
    'en-US': { title: "The organization's spend over the last 12 months", total: 'in all, credit notes deducted.', use: 'Licenses used against bought', visio: (a: string) => `Visio Plan 2: 0 of 10 licenses used, 10 unused (${a} a month)` },
  } as const;
  const month = (locale: string, m: number) => new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(2026, m - 1, 1));

  for (const [locale, width] of [['fr-FR', 1280], ['en-US', 390], ['fr-FR', 390], ['en-US', 1280]] as const) {
    it(`on the admin overview, in ${locale} at ${width} px: the organization's licenses and its spend by month, within the screen`, async () => {
      const l = organization[locale];
      const page = await signedInPage(ctx.browser, ctx.app.url, 'admin@contoso.example', locale);
      await page.setViewportSize({ width, height: 844 });
      await page.goto('/admin');
      const use = page.getByRole('figure', { name: l.use });
      await use.getByText(l.visio(eur(locale, 169.2))).waitFor();
      const spend = page.getByRole('figure', { name: l.title });
      await spend.getByText(`${eur(locale, 19998.72)} ${l.total}`).waitFor();
      // the twelve months up to the clock's (March 2026), those without spend at zero
      const months = spend.getByRole('listitem');
      expect(await months.count()).toBe(12);
      expect(await months.first().getByText(month(locale, -8)).count()).toBe(1);
      await months.filter({ hasText: month(locale, 3) }).getByText(eur(locale, 19998.72)).waitFor();
      await months.filter({ hasText: month(locale, 2) }).getByText(eur(locale, 0)).waitFor();
      expect(await page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      await page.context().close();
    });
  }
});
