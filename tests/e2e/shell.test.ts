import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { fillSignInForm, launchBrowser, signedInPage } from '../helpers/browser.js';

let app: TestApp;
let browser: Browser;
beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('the portal shell', () => {
  it('signs in in French, shows the billing navigation, switches to English and remembers it', async () => {
    const page = await signedInPage(browser, app.url, 'megan@contoso.example', 'fr-FR');
    const nav = page.getByRole('navigation');
    await nav.getByText('Facturation').waitFor();
    for (const label of ['Produits', 'Licences', 'Factures et paiements'])
      await nav.getByRole('link', { name: label }).waitFor();
    // a member sees no admin area
    expect(await nav.getByText('Administration').count()).toBe(0);

    await nav.getByRole('link', { name: 'Licences' }).click();
    await page.waitForURL(/\/billing\/licenses$/, { waitUntil: 'commit' });
    // the drawer marks the current page once the router has rendered it
    await nav.locator('a[aria-current="page"]', { hasText: 'Licences' }).waitFor();

    await page.getByRole('combobox', { name: 'Langue' }).click();
    await page.getByRole('option', { name: 'English' }).click();
    for (const label of ['Your products', 'Licenses', 'Bills & payments'])
      await nav.getByRole('link', { name: label }).waitFor();
    await nav.getByText('Billing').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    await page.reload();
    await page.getByRole('navigation').getByRole('link', { name: 'Bills & payments' }).waitFor();
    await page.context().close();
  });

  it('shows the admin area to an admin, in English by the browser language', async () => {
    const page = await signedInPage(browser, app.url, 'admin@contoso.example', 'en-US');
    const nav = page.getByRole('navigation');
    await nav.getByText('Admin', { exact: true }).waitFor();
    await nav.getByRole('link', { name: 'Your products' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Next' }).waitFor();
    await page.context().close();
  });

  it('tells a person who typed a wrong password, in their language', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', baseURL: app.url });
    const page = await context.newPage();
    await page.goto('/');
    await fillSignInForm(page, 'fr-FR', 'megan@contoso.example', 'wrong');
    // read out at once, under the password, which takes the focus with its text selected to be typed again
    await page.getByRole('alert').filter({ hasText: 'Adresse e-mail ou mot de passe incorrect.' }).waitFor();
    const password = page.getByLabel('Mot de passe');
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    await page.keyboard.type('typed again');
    expect(await password.inputValue()).toBe('typed again');
    await context.close();
  });
});
