import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fillSignInForm, pageLoaded, signedInPage, useAppAndBrowser } from '../helpers/browser.js';

// The small things that add up: focus, skip link, page titles, the navigation's background, a
// loading page, an expired session, the 404 page, the system's dark theme.
const ctx = useAppAndBrowser();

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { tag: el?.tagName.toLowerCase(), text: el?.textContent?.trim() ?? '' };
  });

describe('small things', () => {
  it('closing a pane gives focus back to the button that opened it; a page change focuses its h1 and names the tab', async () => {
    const page = await signedInPage(ctx.browser, ctx.app.url, 'adele@contoso.example', 'fr-FR');
    await page.getByRole('navigation').getByRole('link', { name: 'Licences' }).click();
    await page.getByRole('heading', { name: 'Licences', level: 1 }).waitFor();
    expect(await focused(page)).toEqual({ tag: 'h1', text: 'Licences' });
    expect(await page.title()).toBe("Licences – Centre d'administration Selfserve");

    await page.getByRole('navigation').getByRole('link', { name: 'Produits' }).click();
    await page.getByRole('heading', { name: 'Produits', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Power BI Pro' }).click();
    await page.getByRole('heading', { name: 'Power BI Pro', level: 1 }).waitFor();
    for (const close of ['button', 'Escape']) {
      await page.getByRole('button', { name: 'Acheter des licences' }).click();
      const pane = page.getByRole('dialog', { name: 'Acheter des licences' });
      await pane.waitFor();
      if (close === 'Escape') await page.keyboard.press('Escape');
      else await pane.getByRole('button', { name: 'Fermer' }).last().click();
      await pane.waitFor({ state: 'detached' });
      await expect.poll(() => focused(page)).toEqual({ tag: 'button', text: 'Acheter des licences' });
    }
    await page.context().close();
  });

  it('the first Tab reaches the skip link, which leads to the main content', async () => {
    const page = await signedInPage(ctx.browser, ctx.app.url, 'adele@contoso.example', 'en-US');
    await page.goto('/billing/products');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.keyboard.press('Tab');
    expect(await focused(page)).toEqual({ tag: 'a', text: 'Skip to main content' });
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.tagName.toLowerCase())).toBe('main');
    await page.context().close();
  });

  it("the navigation's background runs down the whole of a long page", async () => {
    const page = await signedInPage(ctx.browser, ctx.app.url, 'adele@contoso.example', 'en-US');
    await page.setViewportSize({ width: 1280, height: 400 });
    await page.goto('/billing/products/buy');
    await page.getByRole('heading', { level: 1 }).waitFor();
    const [nav, main] = await Promise.all([
      page.getByRole('navigation').boundingBox(),
      page.getByRole('main').boundingBox(),
    ]);
    expect(main!.height).toBeGreaterThan(400);
    expect(nav!.y + nav!.height).toBeCloseTo(main!.y + main!.height, 0);
    await page.context().close();
  });

  it('the main content says it is busy while its list loads, and no longer once the list shows', async () => {
    const page = await signedInPage(ctx.browser, ctx.app.url, 'adele@contoso.example', 'en-US');
    // the list of subscriptions is held back until the test lets it through
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/subscriptions', async (route) => {
      await held;
      await route.continue();
    });
    await page.getByRole('navigation').getByRole('link', { name: 'Your products' }).click();
    await page.getByRole('heading', { name: 'Your products', level: 1 }).waitFor();
    expect(await page.getByRole('main').getAttribute('aria-busy')).toBe('true');
    release();
    await pageLoaded(page, 'Your products');
    // once it says so, the list is there
    expect(await page.getByRole('grid').getByRole('row').count()).toBeGreaterThan(1);
    await page.context().close();
  });

  it('an expired session leads back to sign-in, says why, and signing in returns to the page', async () => {
    const page = await signedInPage(ctx.browser, ctx.app.url, 'adele@contoso.example', 'fr-FR');
    await page.getByRole('navigation').getByRole('link', { name: 'Produits' }).click();
    await pageLoaded(page, 'Produits');
    // the session ends on the server's side (idle too long, signed out elsewhere)
    await page.context().clearCookies();
    await page.getByRole('navigation').getByRole('link', { name: 'Licences' }).click();
    await page.getByText('Votre session a pris fin. Reconnectez-vous.').waitFor();
    await fillSignInForm(page, 'fr-FR', 'adele@contoso.example');
    await page.getByRole('heading', { name: 'Licences', level: 1 }).waitFor();
    expect(await page.getByText('Votre session a pris fin.').count()).toBe(0);
    await page.context().close();
  });

  it("an unknown address has a 404 page with its h1, in the reader's language", async () => {
    const page = await signedInPage(ctx.browser, ctx.app.url, 'adele@contoso.example', 'fr-FR');
    await page.goto('/nulle-part');
    await page.getByRole('heading', { name: 'Page introuvable', level: 1 }).waitFor();
    await page.getByRole('link', { name: "Aller à la page d'accueil" }).click();
    await page.getByRole('heading', { name: 'Bienvenue, Adèle Vance', level: 1 }).waitFor();
    await page.context().close();
  });

  it("follows the system's dark theme", async () => {
    const background = async (scheme: 'light' | 'dark') => {
      const page = await signedInPage(ctx.browser, ctx.app.url, 'adele@contoso.example', 'en-US');
      await page.emulateMedia({ colorScheme: scheme });
      await page.getByRole('heading', { level: 1 }).waitFor();
      const rgb = await page.getByRole('main').evaluate((el) => getComputedStyle(el).backgroundColor);
      await page.context().close();
      return (
        rgb
          .match(/\d+/g)!
          .slice(0, 3)
          .map(Number)
          .reduce((a, b) => a + b, 0) / 3
      );
    };
    expect(await background('light')).toBeGreaterThan(200);
    expect(await background('dark')).toBeLessThan(60);
  });
});
