import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** A page in the given language, signed in through the sign-in form as a person would. */
export async function signedInPage(browser: Browser, baseUrl: string, email: string, locale: 'fr-FR' | 'en-US'): Promise<Page> {
  const context = await browser.newContext({ locale, baseURL: baseUrl });
  const page = await context.newPage();
  await page.goto('/');
  const fr = locale.startsWith('fr');
  await page.getByLabel(fr ? 'Adresse e-mail' : 'Email').fill(email);
  await page.getByLabel(fr ? 'Mot de passe' : 'Password').fill('selfserve-demo');
  await page.getByRole('button', { name: fr ? 'Se connecter' : 'Sign in' }).click();
  await page.getByRole('navigation').waitFor();
  return page;
}
