import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { signedInPage, useAppAndBrowser } from '../helpers/browser.js';
import { createProduct } from '../../src/services/catalog/create-product.js';

// The guide's sections "Afficher vos abonnements", "Comment acheter plus ou réduire des licences"
// and "Annuler un abonnement", click by click, in French and in English.
const ctx = useAppAndBrowser();

const L = {
  fr: {
    products: 'Produits',
    tab: 'Produits',
    filter: 'Filtrer',
    selfService: 'Libre-service',
    buy: 'Acheter des licences',
    remove: 'Supprimer des licences',
    total: 'Total des licences',
    save: 'Enregistrer',
    more: 'Autres actions',
    cancel: "Annuler l'abonnement",
    saved: 'Vos modifications ont été enregistrées.',
    reason: 'Trop cher',
    feedback: 'Commentaires (facultatif)',
    disabled: 'Désactivé',
    available: 'Disponibles',
    colon: ' : ',
    lower: 'Vous avez 100 licences : un total inférieur supprime des licences.',
    goRemove: 'Supprimer des licences plutôt',
    charged: 'Débité',
    refunded: 'Remboursé',
    chargedAfter: 'ont été débités.',
    refundedAfter: 'ont été remboursés.',
    invoice: 'Facture',
    creditNote: 'Avoir',
    tax: 'TVA (20 %)',
    stays: 'Il reste actif jusqu’au',
    refundedTo: 'Remboursé sur la carte VISA se terminant par 4242',
    term: '(annuel)',
  },
  en: {
    products: 'Your products',
    tab: 'Products',
    filter: 'Filter',
    selfService: 'Self-service',
    buy: 'Buy licenses',
    remove: 'Remove licenses',
    total: 'Total licenses',
    save: 'Save',
    more: 'More actions',
    cancel: 'Cancel subscription',
    saved: 'Your changes were saved.',
    reason: 'No longer needed',
    feedback: 'Feedback (optional)',
    disabled: 'Disabled',
    available: 'Available',
    colon: ': ',
    lower: 'You have 10 licenses: a lower total removes licenses.',
    goRemove: 'Remove licenses instead',
    charged: 'Charged',
    refunded: 'Refunded',
    chargedAfter: 'was charged.',
    refundedAfter: 'was refunded.',
    invoice: 'Invoice',
    creditNote: 'Credit note',
    tax: 'Tax (20%)',
    stays: 'It stays active until',
    refundedTo: 'Refunded to VISA ending in 4242',
    term: '(monthly)',
  },
};

/** The pane's price before Save: the line and its amount, e.g. "Débité" 986,40 €. */
const quoteLine = (pane: Locator, label: string) =>
  pane
    .getByRole('region')
    .locator('div', { has: pane.page().getByText(label, { exact: true }) })
    .last();

async function followGuide(
  page: Page,
  l: typeof L.fr,
  product: string,
  from: number,
  otherProduct: string,
  money: { added: string; refunded: string },
) {
  const nav = page.getByRole('navigation');
  // Afficher vos abonnements: Facturation > Produits, onglet Produits, filtre, Libre-service
  await nav.getByRole('link', { name: l.products }).click();
  await page.getByRole('tab', { name: l.tab }).waitFor();
  await page.getByRole('button', { name: l.filter }).click();
  await page.getByRole('menuitemcheckbox', { name: l.selfService }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('row').filter({ hasText: product }).waitFor();

  // Comment acheter plus ou réduire des licences: select the subscription, Buy licenses, total, Save
  await page.getByRole('link', { name: product }).click();
  await page.getByRole('button', { name: l.buy }).click();
  const pane = page.getByRole('dialog', { name: l.buy });
  // a lower total in "Buy licenses" removes nothing: it says so and offers "Remove licenses"
  await pane.getByLabel(l.total).fill(String(from - 1));
  await pane.getByText(l.lower).waitFor();
  expect(await pane.getByRole('button', { name: l.save }).isDisabled()).toBe(true);
  // the price, the tax and the date before Save
  await pane.getByLabel(l.total).fill(String(from + 5));
  await quoteLine(pane, l.charged).getByText(money.added).waitFor();
  await pane.getByText(l.tax).waitFor();
  await pane.getByRole('button', { name: l.save }).click();
  // afterwards: what was charged, and the invoice
  const receipt = page.getByRole('status').filter({ hasText: l.saved });
  await receipt.getByText(`${money.added} ${l.chargedAfter}`, { exact: false }).waitFor();
  await receipt.getByRole('link', { name: new RegExp(`^${l.invoice} `) }).waitFor();
  await page.getByText(String(from + 5), { exact: true }).waitFor();

  await page.getByRole('button', { name: l.buy }).click();
  await pane.getByLabel(l.total).fill(String(from));
  await pane.getByRole('button', { name: l.goRemove }).click();
  const removePane = page.getByRole('dialog', { name: l.remove });
  await removePane.getByLabel(l.total).fill(String(from));
  await quoteLine(removePane, l.refunded).getByText(money.refunded).waitFor();
  await removePane.getByRole('button', { name: l.save }).click();
  await page
    .getByRole('status')
    .filter({ hasText: l.saved })
    .getByRole('link', { name: new RegExp(`^${l.creditNote} `) })
    .click();
  // the credit note in the reader's words: refunded (not paid), the term translated, a line that adds up
  const note = page.getByRole('dialog', { name: new RegExp(`^${l.creditNote} `) });
  await note.getByText(l.refundedTo).waitFor();
  await note.getByText(`${product} ${l.term} · 5 × `).waitFor();
  await page.keyboard.press('Escape');
  await page.goBack();
  await page.getByText(String(from), { exact: true }).waitFor();
  expect(await page.getByText(`${l.available}${l.colon}${from}`).count()).toBe(1);

  // Annuler un abonnement: Products page, the three dots, Cancel subscription, reason, feedback, Save
  await nav.getByRole('link', { name: l.products }).click();
  await page.getByRole('button', { name: `${l.more}: ${otherProduct}` }).click();
  await page.getByRole('menuitem', { name: l.cancel }).click();
  const cancelPane = page.getByRole('dialog', { name: l.cancel });
  // what cancelling refunds, before Save
  await quoteLine(cancelPane, l.refunded).waitFor();
  await cancelPane.getByRole('radio', { name: l.reason }).check();
  await cancelPane.getByLabel(l.feedback).fill('Nous avons choisi un autre outil.');
  await cancelPane.getByRole('button', { name: l.save }).click();
  await page.getByRole('row').filter({ hasText: otherProduct }).getByText(l.disabled).waitFor();
  await page
    .getByRole('status')
    .filter({ hasText: l.refundedAfter })
    .getByRole('link', { name: new RegExp(`^${l.creditNote} `) })
    .waitFor();
}

describe('Billing > Products, as in the guide', () => {
  it('in French: view self-service subscriptions, buy more and remove licenses, cancel a subscription', async () => {
    const page = await signedInPage(ctx.browser, ctx.app.url, 'adele@contoso.example', 'fr-FR');
    // 5 licenses of Power BI Pro (annual, 164.40 EUR each) for the whole year: 822.00 + 20 % VAT
    await followGuide(page, L.fr, 'Power BI Pro', 100, 'Project Plan 1', { added: '986,40 €', refunded: '986,40 €' });
    const subs = (await (await ctx.app.signIn('adele@contoso.example')).get('/api/subscriptions')).body.items;
    expect(subs.find((s: { product: { name: string } }) => s.product.name === 'Power BI Pro').total).toBe(100);
    expect(subs.find((s: { product: { name: string } }) => s.product.name === 'Project Plan 1')).toMatchObject({
      status: 'disabled',
      cancelReason: 'too_expensive',
    });
    await page.context().close();
  });

  it('in English: the same steps with the English labels', async () => {
    const page = await signedInPage(ctx.browser, ctx.app.url, 'megan@contoso.example', 'en-US');
    await page.getByRole('navigation').getByRole('link', { name: 'Your products' }).click();
    // Megan has one subscription: buy a second one first so that there is something to cancel
    await buyVisio(page, '4242424242424242');
    // Visio Plan 2 bought monthly at 16.92 EUR: 5 more for the whole month, 84.60 + 20 % VAT
    await followGuide(page, L.en, 'Visio Plan 2', 10, 'Visio Plan 1', { added: '€101.52', refunded: '€101.52' });
    await page.context().close();
  });

  it('a declined card tells the buyer and buys nothing; another card succeeds', async () => {
    const page = await signedInPage(ctx.browser, ctx.app.url, 'adele@contoso.example', 'en-US');
    await page.getByRole('navigation').getByRole('link', { name: 'Your products' }).click();
    const before: number = (await (await ctx.app.signIn('adele@contoso.example')).get('/api/subscriptions')).body.items
      .length;
    await page.getByRole('button', { name: 'Buy a product' }).click();
    await page.getByRole('combobox', { name: 'Product' }).click();
    await page.getByRole('option', { name: 'Visio Plan 1' }).click();
    await page.getByLabel('Number of licenses').fill('3');
    // price, tax and total before confirming: 3 x 5.64 = 16.92 + 20 % VAT = 20.30
    await page.getByText('€20.30').waitFor();
    // Adèle's two cards and two profiles are alike but for what they pay for: each says it
    for (const product of ['Power BI Pro', 'Project Plan 1']) {
      await page
        .getByRole('radio', {
          name: `Use VISA ending in 4242 · Expires 12/2030 · Adèle Vance · pays for ${product}`,
          exact: true,
        })
        .waitFor();
      await page
        .getByRole('radio', { name: `Adèle Vance · 1 Demo Street, Paris, France · pays for ${product}`, exact: true })
        .waitFor();
    }
    await page.getByRole('radio', { name: 'A new card' }).check();
    await fillCard(page, '4000000000009995');
    await page.getByRole('button', { name: 'Place order' }).click();
    // the refusal takes the focus, so it is scrolled into view and read out
    await page.getByRole('alert').filter({ hasText: 'Your card has insufficient funds. Use another card.' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain(
      'Your card has insufficient funds.',
    );
    expect((await (await ctx.app.signIn('adele@contoso.example')).get('/api/subscriptions')).body.items.length).toBe(
      before,
    );
    await page.getByLabel('Card number').fill('4242 4242 4242 4242');
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.getByRole('heading', { name: 'Visio Plan 1' }).waitFor();
    // what was charged, and its invoice
    const receipt = page.getByRole('status').filter({ hasText: '€20.30 was charged.' });
    await receipt.getByRole('link', { name: /^Invoice / }).click();
    await page
      .getByRole('dialog', { name: /^Invoice / })
      .getByText('€20.30')
      .first()
      .waitFor();
    expect((await (await ctx.app.signIn('adele@contoso.example')).get('/api/subscriptions')).body.items.length).toBe(
      before + 1,
    );
    await page.context().close();
  });

  it('speaks French: product descriptions, plurals', async () => {
    const page = await signedInPage(ctx.browser, ctx.app.url, 'adele@contoso.example', 'fr-FR');
    await page.goto('/billing/products/buy');
    await page.getByRole('combobox', { name: 'Produit' }).click();
    await page.getByRole('option', { name: 'Power BI Pro' }).click();
    await page
      .getByText('Analyse en libre-service : publiez, partagez et collaborez sur des rapports et des tableaux de bord.')
      .waitFor();
    await page.getByRole('checkbox', { name: 'Commencer un essai gratuit (30 jours)' }).waitFor();
    await page.goto('/billing/licenses');
    await page.getByRole('link', { name: 'Power BI Pro' }).click();
    await page.getByRole('button', { name: 'Attribuer des licences' }).click();
    await page.getByRole('dialog').getByText('0 utilisateur sur 20').waitFor();
    await page.context().close();
  });

  it("reactivating shows the new term's price before paying, then the invoice", async () => {
    // Project Plan 1 was canceled within 7 days by the French test: disabled, refunded
    const page = await signedInPage(ctx.browser, ctx.app.url, 'adele@contoso.example', 'fr-FR');
    await page.getByRole('navigation').getByRole('link', { name: 'Produits' }).click();
    await page.getByRole('link', { name: 'Project Plan 1' }).click();
    await page.getByRole('button', { name: 'Réactiver' }).click();
    const pane = page.getByRole('dialog', { name: 'Réactiver l’abonnement' });
    // 5 licenses, monthly at 11.28 EUR: 56.40 + 20 % VAT
    await pane.getByText('67,68 €').waitFor();
    await pane.getByText(/^Débité le .* sur la carte VISA se terminant par 4242/).waitFor();
    await pane.getByRole('button', { name: 'Réactiver et payer' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: '67,68 € ont été débités.' })
      .getByRole('link', { name: /^Facture / })
      .waitFor();
    await page.getByText('Actif').waitFor();
    await page.context().close();
  });

  it('offers only the terms sold in euros, and never shows a missing price as 0,00 €', async () => {
    // the annual price is in dollars only; the ruler has no price in euros at all
    await createProduct(ctx.app.deps, {
      selfServiceEligible: true,
      id: 'NWMARKER0001',
      skuId: '3d4e5f60-7182-4930-9b4c-5d6e7f809102',
      skuPartNumber: 'NW_MARKER',
      name: 'Northwind Marker',
      prices: { EUR: { monthly: 700 }, USD: { monthly: 800, annual: 700 } },
    });
    await createProduct(ctx.app.deps, {
      selfServiceEligible: true,
      id: 'NWRULER00001',
      skuId: '4e5f6071-8293-4a41-8c5d-6e7f80910213',
      skuPartNumber: 'NW_RULER',
      name: 'Northwind Ruler',
      prices: { USD: { monthly: 900 } },
    });
    const page = await signedInPage(ctx.browser, ctx.app.url, 'adele@contoso.example', 'fr-FR');
    await page.goto('/billing/products/buy');
    const notSold = 'non vendu dans la devise de votre organisation';
    await page.getByRole('combobox', { name: 'Produit' }).click();
    await page.getByRole('option', { name: 'Power BI Pro' }).click();
    await page.getByRole('radio', { name: 'Annuel', exact: true }).check();
    await page.getByRole('combobox', { name: 'Produit' }).click();
    expect(await page.getByRole('option', { name: `Northwind Ruler : ${notSold}` }).getAttribute('aria-disabled')).toBe(
      'true',
    );
    await page.getByRole('option', { name: 'Northwind Marker' }).click();
    // the annual term chosen before is not sold: the order moves to the monthly one, priced
    expect(await page.getByRole('radio', { name: `Annuel : ${notSold}` }).isDisabled()).toBe(true);
    expect(await page.getByRole('radio', { name: 'Mensuel' }).isChecked()).toBe(true);
    await page.getByText(/^7,00\s€ licence\/mois$/).waitFor();
    expect(await page.getByText(/(^|[^\d])0,00\s€/).count()).toBe(0);
    await page.context().close();
  });
});

async function fillCard(page: Page, number: string) {
  await page.getByLabel('Card number').fill(number);
  await page.getByLabel('Expiration month').fill('12');
  await page.getByLabel('Expiration year').fill('2030');
  await page.getByLabel('Security code').fill('123');
  await page.getByLabel('Name on card').fill('Test Buyer');
  // the card's billing address
  await page.getByLabel('Address line 1').fill('1 rue de Rivoli');
  await page.getByLabel('City').fill('Paris');
  await page.getByLabel('Postal code').fill('75001');
}

async function buyVisio(page: Page, number: string) {
  await page.getByRole('button', { name: 'Buy a product' }).click();
  await page.getByRole('combobox', { name: 'Product' }).click();
  await page.getByRole('option', { name: 'Visio Plan 1' }).click();
  await page.getByLabel('Number of licenses').fill('2');
  await page.getByRole('radio', { name: 'A new card' }).check();
  await fillCard(page, number);
  await page.getByRole('button', { name: 'Place order' }).click();
  await page.getByRole('heading', { name: 'Visio Plan 1' }).waitFor();
}
