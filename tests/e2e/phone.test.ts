import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { pageLoaded, signedInPage, useAppAndBrowser } from '../helpers/browser.js';
import { portalPages } from './portal-pages.js';

// Every page from 390 px up: nothing scrolls sideways, the navigation folds behind a menu button,
// panes take the whole screen.
const ctx = useAppAndBrowser();
let pages: Awaited<ReturnType<typeof portalPages>>;
beforeAll(async () => {
  pages = await portalPages(ctx.app);
});

async function phone(email: string, locale: 'fr-FR' | 'en-US'): Promise<Page> {
  const page = await signedInPage(ctx.browser, ctx.app.url, email, locale);
  await page.setViewportSize({ width: 390, height: 844 });
  return page;
}

/** The page's own width beyond the screen's: 0 when nothing scrolls sideways. */
const overflow = (page: Page) => page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);

async function visitAll(page: Page, paths: string[]) {
  const wide: string[] = [];
  for (const path of paths) {
    await page.goto(path);
    // lists come after the heading
    await pageLoaded(page).catch(() => wide.push(`${path}: no h1`));
    if ((await overflow(page)) > 0) wide.push(`${path}: ${await overflow(page)} px too wide`);
  }
  return wide;
}

describe('at 390 px', () => {
  it('no page of a member scrolls sideways, in French', async () => {
    const page = await phone('adele@contoso.example', 'fr-FR');
    expect(await visitAll(page, pages.member)).toEqual([]);
    await page.context().close();
  });

  it('no page of an admin scrolls sideways, in English', async () => {
    const page = await phone('admin@contoso.example', 'en-US');
    expect(
      await visitAll(page, [
        ...pages.admin,
        ...pages.member.filter(
          (p) => !p.includes('/billing/products/') && !p.includes('/profiles/') && !p.includes('/licenses/'),
        ),
      ]),
    ).toEqual([]);
    await page.context().close();
  });

  it('the navigation is behind the menu button and closes once a page is chosen', async () => {
    const page = await phone('adele@contoso.example', 'fr-FR');
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByRole('navigation').count()).toBe(0);
    await page.getByRole('button', { name: 'Menu' }).click();
    const menu = page.getByRole('dialog', { name: 'Menu' });
    // the account and the language are in the menu on a phone
    await menu.getByRole('combobox', { name: 'Langue' }).waitFor();
    await menu.getByRole('button', { name: 'Se déconnecter' }).waitFor();
    await menu.getByRole('navigation').getByRole('link', { name: 'Licences' }).click();
    await page.getByRole('heading', { name: 'Licences', level: 1 }).waitFor();
    await menu.waitFor({ state: 'detached' });
    // the guide's steps still work: Licences > the subscription > Attribuer des licences, in a full-screen pane
    await page.getByRole('link', { name: 'Power BI Pro' }).click();
    await page.getByRole('button', { name: 'Attribuer des licences' }).click();
    const pane = page.getByRole('dialog', { name: 'Attribuer des licences aux utilisateurs' });
    // once it has slid in
    await expect
      .poll(async () => {
        const box = (await pane.boundingBox())!;
        return [box.x, box.width];
      })
      .toEqual([0, 390]);
    await page.context().close();
  });

  it('the buy-licenses pane fills the screen and its price fits, in English', async () => {
    const page = await phone('adele@contoso.example', 'en-US');
    await page.goto(pages.member[3]!);
    await page.getByRole('button', { name: 'Buy licenses' }).click();
    const pane = page.getByRole('dialog', { name: 'Buy licenses' });
    await pane.getByLabel('Total licenses').fill('101');
    await pane.getByRole('region', { name: 'What this change costs' }).waitFor();
    await expect.poll(async () => (await pane.boundingBox())!.x).toBe(0);
    expect((await pane.boundingBox())!.width).toBe(390);
    expect(
      await pane.evaluate(
        (el) => [...el.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().right > 390.5).length,
      ),
    ).toBe(0);
    await page.context().close();
  });
});

describe('at 1280 px', () => {
  it('the navigation stays open beside the page, with no menu button', async () => {
    const page = await signedInPage(ctx.browser, ctx.app.url, 'adele@contoso.example', 'en-US');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('navigation').getByRole('link', { name: 'Your products' }).waitFor();
    expect(await page.getByRole('button', { name: 'Menu' }).count()).toBe(0);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.context().close();
  });
});
