import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestApp, type TestApp } from './app.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.js';
import { DEMO_PASSWORD } from './db.js';

export type Locale = 'fr-FR' | 'en-US';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** A page in the given language, signed in through the sign-in form as a person would. */
export async function signedInPage(browser: Browser, baseUrl: string, email: string, locale: Locale): Promise<Page> {
  const context = await browser.newContext({ locale, baseURL: baseUrl });
  const page = await context.newPage();
  await page.goto('/');
  await fillSignInForm(page, locale, email);
  await page.getByRole('navigation').waitFor();
  return page;
}

/**
 * Waits for the page's h1 (named `name` when given) and for all it loads to be shown: the shell's
 * `<main aria-busy>` turns false once no list or detail is on its way. Network silence says less
 * after a click within the app, whose requests may not have started yet.
 */
export async function pageLoaded(page: Page, name?: string | RegExp) {
  await page.getByRole('heading', { level: 1, ...(name === undefined ? {} : { name }) }).waitFor();
  await page.locator('main[aria-busy="false"]').waitFor();
}

/** The sign-in form on the page, filled in as a person does; the caller waits for what follows. */
export async function fillSignInForm(page: Page, locale: Locale, email: string, password = DEMO_PASSWORD) {
  const fr = locale === 'fr-FR';
  await page.getByLabel(fr ? 'Adresse e-mail' : 'Email').fill(email);
  // e-mail first, then the password (or the organization's identity provider)
  await page.getByRole('button', { name: fr ? 'Suivant' : 'Next' }).click();
  await page.getByLabel(fr ? 'Mot de passe' : 'Password').fill(password);
  await page.getByRole('button', { name: fr ? 'Se connecter' : 'Sign in' }).click();
}

/** A browser test file's server (with the demo purchases) and Chromium, started once and closed after. */
export function useAppAndBrowser(): { readonly app: TestApp; readonly browser: Browser } {
  const ctx = {} as { app: TestApp; browser: Browser };
  beforeAll(async () => {
    [ctx.app, ctx.browser] = await Promise.all([startTestApp({ demoPurchases: true }), launchBrowser()]);
  });
  afterAll(async () => {
    await ctx.browser?.close();
    await ctx.app?.close();
  });
  return ctx;
}
