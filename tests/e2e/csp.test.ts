import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { signedInPage, useAppAndBrowser } from '../helpers/browser.js';

const ctx = useAppAndBrowser();

/** Every Content-Security-Policy violation the page reports, from the console and as DOM events. */
function watchViolations(context: BrowserContext, page: Page): string[] {
  const seen: string[] = [];
  void context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  page.on('console', (m) => {
    if (/content security policy|csp violation/i.test(m.text())) seen.push(m.text());
  });
  page.on('pageerror', (e) => seen.push(`page error: ${e.message}`));
  return seen;
}

/** How many CSS rules the page holds: Fluent UI's styles are inserted at run time, and a CSP that blocked them would leave few. */
const cssRules = (page: Page) =>
  page.evaluate(() => Array.from(document.styleSheets).reduce((n, s) => n + s.cssRules.length, 0));

describe('the strict Content-Security-Policy', () => {
  it('lets the web UI run and style itself, with no violation reported', async () => {
    const page = await signedInPage(ctx.browser, ctx.app.url, 'adele@contoso.example', 'fr-FR');
    const violations = watchViolations(page.context(), page);
    const response = await page.reload();
    expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    const nav = page.getByRole('navigation');
    for (const label of ['Licences', 'Factures et paiements', 'Produits']) {
      await nav.getByRole('link', { name: label }).click();
      await nav.locator('a[aria-current="page"]', { hasText: label }).waitFor();
    }
    await page.getByRole('combobox', { name: 'Langue' }).click();
    await page.getByRole('option', { name: 'English' }).click();
    await nav.getByRole('link', { name: 'Licenses' }).click();
    await page.getByRole('heading', { name: 'Licenses' }).first().waitFor();
    expect(await cssRules(page)).toBeGreaterThan(200);
    // an invoice's PDF opens in Chromium's viewer under the same policy
    const invoice = await page.evaluate(
      async () => (await (await fetch('/api/invoices?months=24')).json()).items[0].id as string,
    );
    const pdf = await page.goto(`/api/invoices/${invoice}/pdf?lang=en`);
    expect(pdf?.headers()['content-type']).toBe('application/pdf');
    expect(violations).toEqual([]);
    await page.context().close();
  });

  it('lets the API reference (Swagger UI) load the document and expand an operation, with no violation reported', async () => {
    const context = await ctx.browser.newContext({ baseURL: ctx.app.url });
    const page = await context.newPage();
    const violations = watchViolations(context, page);
    const response = await page.goto('/api/docs');
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    const operation = page.locator('.opblock-summary', { hasText: '/api/subscriptions/quote' }).first();
    await operation.click();
    await page.getByRole('button', { name: 'Try it out' }).first().waitFor();
    expect(await cssRules(page)).toBeGreaterThan(200);
    expect(violations).toEqual([]);
    await context.close();
  });
});
