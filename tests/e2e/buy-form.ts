import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { Locale } from '../helpers/browser.js';

/**
 * Opens Buy a product from the navigation and its product list, which leaves out `product`:
 * refused before the last click, it is not in the list at all. The list stays open.
 */
export async function expectNotOffered(page: Page, locale: Locale, product: string) {
  const fr = locale === 'fr-FR';
  await page
    .getByRole('navigation')
    .getByRole('link', { name: fr ? 'Produits' : 'Your products' })
    .click();
  await page.getByRole('button', { name: fr ? 'Acheter un produit' : 'Buy a product' }).click();
  await page.getByRole('combobox', { name: fr ? 'Produit' : 'Product' }).click();
  // the list has loaded once the other Visio plan shows
  await page.getByRole('option', { name: 'Visio Plan 2' }).waitFor();
  expect(await page.getByRole('option', { name: product }).count()).toBe(0);
}
