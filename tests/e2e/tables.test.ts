import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { signedInPage, useAppAndBrowser } from '../helpers/browser.js';

// Every list of the portal is one table (Fluent's DataGrid): its rows sort by a click on a
// header, the arrow keys move from cell to cell, and on a phone it scrolls inside its frame.
const ctx = useAppAndBrowser();

const column = (page: Page, n: number) =>
  page
    .getByRole('grid', { name: 'People' })
    .getByRole('row')
    .evaluateAll((rows, i) => rows.slice(1).map((r) => r.children[i]!.textContent ?? ''), n);
const focused = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');

describe('Admin > People, in English', () => {
  it('sorts the loaded rows by a header, both ways, and says so to screen readers', async () => {
    const page = await signedInPage(ctx.browser, ctx.app.url, 'admin@contoso.example', 'en-US');
    await page.getByRole('navigation').getByRole('link', { name: 'People' }).click();
    const header = page.getByRole('columnheader', { name: 'E-mail' });
    await header.waitFor();
    await header.click();
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');
    const emails = await column(page, 1);
    expect(emails.length).toBeGreaterThan(10);
    expect(emails).toEqual(
      [...emails].sort((a, b) => a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' })),
    );
    await header.click();
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');
    expect(await column(page, 1)).toEqual([...emails].reverse());
    await page.context().close();
  });

  it('moves through the cells with the arrow keys', async () => {
    const page = await signedInPage(ctx.browser, ctx.app.url, 'admin@contoso.example', 'en-US');
    await page.getByRole('navigation').getByRole('link', { name: 'People' }).click();
    const grid = page.getByRole('grid', { name: 'People' });
    await grid.getByRole('row').nth(2).waitFor();
    const [first, second] = await grid
      .getByRole('row')
      .evaluateAll((rows) => rows.slice(1, 3).map((r) => [...r.children].map((c) => c.textContent ?? '')));
    // the name is a link (an admin opens the person): the arrow keys land on it
    await grid.getByRole('gridcell', { name: first![1]!, exact: true }).click();
    expect(await focused(page)).toBe(first![1]);
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toBe(second![1]);
    await page.keyboard.press('ArrowLeft');
    expect(await focused(page)).toBe(second![0]);
    await page.keyboard.press('ArrowUp');
    expect(await focused(page)).toBe(first![0]);
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: `Edit ${first![0]}` }).waitFor();
    await page.context().close();
  });

  it('scrolls inside its frame at 390 px, the page does not', async () => {
    const page = await signedInPage(ctx.browser, ctx.app.url, 'admin@contoso.example', 'en-US');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/admin/people');
    const grid = page.getByRole('grid', { name: 'People' });
    await grid.getByRole('row').nth(1).waitFor();
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
      0,
    );
    const frame = grid.locator('xpath=..');
    expect(await frame.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    // the last column comes into view as the keyboard reaches it
    await grid.getByRole('row').nth(1).getByRole('gridcell').nth(1).click();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    expect(await frame.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    await page.context().close();
  });
});
