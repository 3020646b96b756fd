import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { signedInPage, useAppAndBrowser } from '../helpers/browser.js';
import { portalPages } from './portal-pages.js';

// axe on every page and pane, in French and English, at 1280 and 390 px: no critical or serious
// violation, nor the moderate ones the issue names (content outside landmarks, a page without an
// h1, an empty table header). Fluent's focus helpers (tabster's dummy elements) are left out.
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const ALSO = ['region', 'page-has-heading-one', 'empty-table-header'];
const ctx = useAppAndBrowser();
let pages: Awaited<ReturnType<typeof portalPages>>;
beforeAll(async () => {
  pages = await portalPages(ctx.app);
});

/** The violations axe finds on the page as it is now, as "where: rule (impact) on element". */
async function violations(page: Page, where: string): Promise<string[]> {
  // evaluated through the devtools protocol: the page's Content-Security-Policy does not apply
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run({ exclude: [['[data-tabster-dummy]']] }, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, target: v.nodes[0]!.target.join(' ') }));
  });
  return found.filter((v) => v.impact === 'critical' || v.impact === 'serious' || ALSO.includes(v.id))
    .map((v) => `${where}: ${v.id} (${v.impact}) on ${v.target}`);
}

/** Signed in, with motion reduced: a pane fading in would otherwise be measured half transparent. */
async function open(email: string, locale: 'fr-FR' | 'en-US') {
  const page = await signedInPage(ctx.browser, ctx.app.url, email, locale);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  return page;
}

async function visit(page: Page, path: string) {
  await page.goto(path);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.waitForLoadState('networkidle');
}

async function pagesOf(page: Page, paths: string[]) {
  const found: string[] = [];
  for (const path of paths) {
    await visit(page, path);
    found.push(...(await violations(page, path)));
  }
  return found;
}

describe('axe', () => {
  it("a member's pages and panes, in French at 1280 px", async () => {
    const page = await open('adele@contoso.example', 'fr-FR');
    const found = await pagesOf(page, pages.member);
    const sub = pages.member[3]!;

    await visit(page, sub);
    for (const name of ['Acheter des licences', 'Supprimer des licences']) {
      await page.getByRole('button', { name }).click();
      const pane = page.getByRole('dialog', { name });
      // one more to buy; to remove, the total as it is (what can be removed depends on who holds licenses)
      if (name.startsWith('Acheter')) await pane.getByLabel('Total des licences').fill('101');
      await pane.getByRole('region').waitFor();
      found.push(...(await violations(page, name)));
      await pane.getByRole('button', { name: 'Fermer' }).last().click();
    }
    await page.getByRole('button', { name: 'Autres actions' }).click();
    found.push(...(await violations(page, 'menu Autres actions')));
    await page.getByRole('menuitem', { name: "Annuler l'abonnement" }).click();
    await page.getByRole('dialog', { name: "Annuler l'abonnement" }).getByRole('region').waitFor();
    found.push(...(await violations(page, "Annuler l'abonnement")));
    await page.keyboard.press('Escape');

    await visit(page, '/billing/products');
    await page.getByRole('button', { name: 'Filtrer' }).click();
    found.push(...(await violations(page, 'menu Filtrer')));
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Notifications' }).click();
    found.push(...(await violations(page, 'Notifications')));
    await page.keyboard.press('Escape');

    await visit(page, '/billing/products/buy');
    await page.getByRole('combobox', { name: 'Produit' }).click();
    found.push(...(await violations(page, 'liste des produits')));
    await page.getByRole('option', { name: 'Visio Plan 1' }).click();
    await page.getByRole('radio', { name: 'Une nouvelle carte' }).check();
    found.push(...(await violations(page, 'achat, nouvelle carte')));

    await visit(page, sub.replace('/products/', '/licenses/'));
    await page.getByRole('button', { name: 'Attribuer des licences' }).click();
    const assign = page.getByRole('dialog', { name: 'Attribuer des licences aux utilisateurs' });
    await assign.getByRole('combobox').fill('Me');
    await page.getByRole('option').first().waitFor();
    found.push(...(await violations(page, 'Attribuer des licences aux utilisateurs')));
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');

    await visit(page, '/billing/bills');
    await page.getByRole('table').getByRole('button').first().click();
    await page.getByRole('dialog').getByRole('link', { name: 'Télécharger le PDF' }).waitFor();
    found.push(...(await violations(page, 'facture')));
    await page.keyboard.press('Escape');
    await visit(page, '/billing/bills?tab=methods');
    await page.getByRole('button', { name: 'Ajouter un mode de paiement' }).click();
    found.push(...(await violations(page, 'Ajouter un mode de paiement')));
    await page.keyboard.press('Escape');
    await page.getByRole('table').getByRole('button').first().click();
    await page.getByRole('dialog').getByRole('button', { name: 'Modifier', exact: true }).click();
    found.push(...(await violations(page, 'Modifier la carte')));
    await page.keyboard.press('Escape');

    await visit(page, pages.member[9]!);
    await page.getByRole('button', { name: 'Modifier le profil de facturation' }).click();
    found.push(...(await violations(page, 'Modifier le profil de facturation')));
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Remplacer', exact: true }).click();
    found.push(...(await violations(page, 'Remplacer')));
    expect(found).toEqual([]);
    await page.context().close();
  });

  it("an admin's pages and the purchase pane, in English at 1280 px", async () => {
    const page = await open('admin@contoso.example', 'en-US');
    const found = await pagesOf(page, [...pages.admin, '/billing/products']);
    await visit(page, '/admin/purchases');
    await page.getByRole('table').getByRole('button').first().click();
    await page.getByRole('dialog').waitFor();
    found.push(...(await violations(page, 'purchase pane, opening')));
    await page.getByRole('dialog').getByRole('button', { name: 'Take control' }).waitFor();
    found.push(...(await violations(page, 'purchase pane')));
    expect(found).toEqual([]);
    await page.context().close();
  });

  it('at 390 px, in English: the pages, the menu and a full-screen pane', async () => {
    const page = await open('adele@contoso.example', 'en-US');
    await page.setViewportSize({ width: 390, height: 844 });
    const found = await pagesOf(page, pages.member);
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('dialog', { name: 'Menu' }).getByRole('navigation').waitFor();
    found.push(...(await violations(page, 'menu')));
    await page.keyboard.press('Escape');
    await visit(page, pages.member[3]!);
    await page.getByRole('button', { name: 'Buy licenses' }).click();
    await page.getByRole('dialog', { name: 'Buy licenses' }).getByLabel('Total licenses').fill('101');
    await page.getByRole('dialog').getByRole('region').waitFor();
    found.push(...(await violations(page, 'Buy licenses')));
    expect(found).toEqual([]);
    await page.context().close();
  });
});
