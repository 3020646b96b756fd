import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestApp, type TestApp } from './app.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.js';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** A page in the given language, signed in through the sign-in form as a person would. */
export async function signedInPage(
  browser: Browser,
  baseUrl: string,
  email: string,
  locale: 'fr-FR' | 'en-US',
): Promise<Page> {
  const context = await browser.newContext({ locale, baseURL: baseUrl });
  const page = await context.newPage();
  await page.goto('/');
  const fr = locale.startsWith('fr');
  await page.getByLabel(fr ? 'Adresse e-mail' : 'Email').fill(email);
  // e-mail first, then the password (or the organization's identity provider)
  await page.getByRole('button', { name: fr ? 'Suivant' : 'Next' }).click();
  await page.getByLabel(fr ? 'Mot de passe' : 'Password').fill('selfserve-demo');
  await page.getByRole('button', { name: fr ? 'Se connecter' : 'Sign in' }).click();
  await page.getByRole('navigation').waitFor();
  return page;
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
