import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { signedInPage, useAppAndBrowser } from '../helpers/browser.js';
import { insertInvoice } from '../../src/db/invoices.js';

// See, don't read: licenses used against bought and what the unused ones cost, and the spend of
// the last twelve months, with the numbers written beside the bars.
const ctx = useAppAndBrowser();
const eur = (locale: string, amount: number) =>
  new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(amount);

const month = (locale: string, m: number) =>
  new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    Date.UTC(2026, m - 1, 1),
  );

// each figure in both languages, on a wide screen and a phone's
const LOCALES_AT_WIDTHS = [
  ['fr-FR', 1280],
  ['en-US', 390],
  ['fr-FR', 390],
  ['en-US', 1280],
] as const;

/** The spend figure's twelve months, March 2026 spending `march` and February nothing; returns them. */
async function expectTwelveMonths(spend: Locator, locale: string, march: number) {
  const months = spend.getByRole('listitem');
  expect(await months.count()).toBe(12);
  await months
    .filter({ hasText: month(locale, 3) })
    .getByText(eur(locale, march))
    .waitFor();
  await months
    .filter({ hasText: month(locale, 2) })
    .getByText(eur(locale, 0))
    .waitFor();
  return months;
}

/** Nothing on the page is wider than the screen. */
const expectWithinScreen = async (page: Page) =>
  expect(await page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

describe('where the money goes', () => {
  // Adèle's demo purchases: Power BI Pro, 100 licenses at 13.70 a month, nobody assigned, and
  // Project Plan 1, 5 at 11.28; both paid in March 2026: 19,728.00 + 67.68
  const mine = {
    'fr-FR': {
      use: 'Licences utilisées par rapport aux licences achetées',
      title: 'Dépenses des 12 derniers mois',
      total: 'au total, avoirs déduits.',
      powerBi: (a: string) => `Power BI Pro : 0 licences utilisées sur 100, 100 inutilisées (${a} par mois)`,
      project: (a: string) => `Project Plan 1 : 0 licences utilisées sur 5, 5 inutilisées (${a} par mois)`,
      idle: (a: string) => `Les licences que personne n’utilise coûtent ${a} par mois.`,
    },
    'en-US': {
      use: 'Licenses used against bought',
      title: 'Spend over the last 12 months',
      total: 'in all, credit notes deducted.',
      powerBi: (a: string) => `Power BI Pro: 0 of 100 licenses used, 100 unused (${a} a month)`,
      project: (a: string) => `Project Plan 1: 0 of 5 licenses used, 5 unused (${a} a month)`,
      idle: (a: string) => `Licenses nobody uses cost ${a} a month.`,
    },
  } as const;

  /** Adèle's Your products page at a width, with her spend figure once drawn. */
  async function yourProducts(locale: 'fr-FR' | 'en-US', width: number) {
    const l = mine[locale];
    const page = await signedInPage(ctx.browser, ctx.app.url, 'adele@contoso.example', locale);
    await page.setViewportSize({ width, height: 844 });
    await page.goto('/billing/products');
    return { page, l, spend: page.getByRole('figure', { name: l.title }) };
  }

  for (const [locale, width] of LOCALES_AT_WIDTHS) {
    it(`on Your products, in ${locale} at ${width} px: use and idle cost per product, and the spend by month, within the screen`, async () => {
      const { page, l, spend } = await yourProducts(locale, width);
      const use = page.getByRole('figure', { name: l.use });
      await use.getByText(l.powerBi(eur(locale, 1370))).waitFor();
      await use.getByText(l.project(eur(locale, 56.4))).waitFor();
      await use.getByText(l.idle(eur(locale, 1426.4))).waitFor();
      await spend.getByText(`${eur(locale, 19795.68)} ${l.total}`).waitFor();
      await expectTwelveMonths(spend, locale, 19795.68);
      await expectWithinScreen(page);
      await page.context().close();
    });
  }

  // the demo's purchases, all in March 2026: Adèle's 19,728.00 and 67.68, Megan's Visio Plan 2 (10 at 16.92, 20 % VAT) 203.04
  const organization = {
    'fr-FR': {
      title: 'Dépenses de l’organisation sur les 12 derniers mois',
      total: 'au total, avoirs déduits.',
      use: 'Licences utilisées par rapport aux licences achetées',
      visio: (a: string) => `Visio Plan 2 : 0 licences utilisées sur 10, 10 inutilisées (${a} par mois)`,
    },
    'en-US': {
      title: "The organization's spend over the last 12 months",
      total: 'in all, credit notes deducted.',
      use: 'Licenses used against bought',
      visio: (a: string) => `Visio Plan 2: 0 of 10 licenses used, 10 unused (${a} a month)`,
    },
  } as const;
  for (const [locale, width] of LOCALES_AT_WIDTHS) {
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
      const months = await expectTwelveMonths(spend, locale, 19998.72);
      expect(await months.first().getByText(month(locale, -8)).count()).toBe(1);
      await expectWithinScreen(page);
      await page.context().close();
    });
  }

  // last: the invoices it adds would change the organization's figures above
  it('counts every invoice of the member, more than the 100 an invoice page holds', async () => {
    const adele = (
      await ctx.app.deps.db.query<{ id: string; orgId: string }>(
        `SELECT id, org_id AS "orgId" FROM people WHERE email = 'adele@contoso.example'`,
      )
    )[0]!;
    // 120 renewals of 10.00 in February 2026, as the invoicing issues them
    await ctx.app.deps.db.transaction(async (tx) => {
      for (let i = 0; i < 120; i++) {
        await insertInvoice(
          tx,
          {
            orgId: adele.orgId,
            kind: 'invoice',
            ownerId: adele.id,
            subscriptionId: null,
            billingProfileId: null,
            billingSnapshot: { name: 'Adèle Vance' },
            issuedAt: new Date(Date.UTC(2026, 1, 1 + (i % 28), 12)),
            periodStart: null,
            periodEnd: null,
            currency: 'EUR',
            subtotal: 1000,
            taxRateBp: 0,
            tax: 0,
            total: 1000,
            status: 'paid',
            payment: null,
            creditedInvoiceId: null,
            lines: [],
          },
          'CON',
        );
      }
    });
    const { page, l, spend } = await yourProducts('en-US', 1280);
    await spend.getByText(`${eur('en-US', 19795.68 + 1200)} ${l.total}`).waitFor();
    await spend
      .getByRole('listitem')
      .filter({ hasText: month('en-US', 2) })
      .getByText(eur('en-US', 1200))
      .waitFor();
    await page.context().close();
  });
});
