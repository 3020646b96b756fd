import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { signedInPage, useAppAndBrowser } from '../helpers/browser.js';

// The guide's sections "Afficher vos abonnements", "Comment acheter plus ou réduire des licences"
// and "Annuler un abonnement", click by click, in French and in English.
const ctx = useAppAndBrowser();

const L = {
  fr: {
    products: 'Produits', tab: 'Produits', filter: 'Filtrer', selfService: 'Libre-service', buy: 'Acheter des licences', remove: 'Supprimer des licences',
    total: 'Total des licences', save: 'Enregistrer', more: 'Autres actions', cancel: "Annuler l'abonnement", saved: 'Vos modifications ont été enregistrées.',
    reason: 'Trop cher', feedback: 'Commentaires (facultatif)', disabled: 'Désactivé', available: 'Disponibles',
  },
  en: {
    products: 'Your products', tab: 'Products', filter: 'Filter', selfService: 'Self-service', buy: 'Buy licenses', remove: 'Remove licenses',
    total: 'Total licenses', save: 'Save', more: 'More actions', cancel: 'Cancel subscription', saved: 'Your changes were saved.',
    reason: 'No longer needed', feedback: 'Feedback (optional)', disabled: 'Disabled', available: 'Available',
  },
};

async function followGuide(page: Page, l: typeof L.fr, product: string, from: number, otherProduct: string) {
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
  await pane.getByLabel(l.total).fill(String(from + 5));
  await pane.getByRole('button', { name: l.save }).click();
  await page.getByText(l.saved).waitFor();
  await page.getByText(String(from + 5), { exact: true }).waitFor();

  await page.getByRole('button', { name: l.remove }).click();
  const removePane = page.getByRole('dialog', { name: l.remove });
  await removePane.getByLabel(l.total).fill(String(from));
  await removePane.getByRole('button', { name: l.save }).click();
  await page.getByText(String(from), { exact: true }).waitFor();
  expect(await page.getByText(`${l.available}: ${from}`).count()).toBe(1);

  // Annuler un abonnement: Products page, the three dots, Cancel subscription, reason, feedback, Save
  await nav.getByRole('link', { name: l.products }).click();
  await page.getByRole('button', { name: `${l.more}: ${otherProduct}` }).click();
  await page.getByRole('menuitem', { name: l.cancel }).click();
  const cancelPane = page.getByRole('dialog', { name: l.cancel });
  await cancelPane.getByRole('radio', { name: l.reason }).check();
  await cancelPane.getByLabel(l.feedback).fill('Nous avons choisi un autre outil.');
  await cancelPane.getByRole('button', { name: l.save }).click();
  await page.getByRole('row').filter({ hasText: otherProduct }).getByText(l.disabled).waitFor();
}

describe('Billing > Products, as in the guide', () => {
  it('in French: view self-service subscriptions, buy more and remove licenses, cancel a subscription', async () => {
    const page = await signedInPage(ctx.browser, ctx.app.url, 'adele@contoso.example', 'fr-FR');
    await followGuide(page, L.fr, 'Power BI Pro', 100, 'Project Plan 1');
    const subs = (await (await ctx.app.signIn('adele@contoso.example')).get('/api/subscriptions')).body.items;
    expect(subs.find((s: { product: { name: string } }) => s.product.name === 'Power BI Pro').total).toBe(100);
    expect(subs.find((s: { product: { name: string } }) => s.product.name === 'Project Plan 1')).toMatchObject({ status: 'disabled', cancelReason: 'too_expensive' });
    await page.context().close();
  });

  it('in English: the same steps with the English labels', async () => {
    const page = await signedInPage(ctx.browser, ctx.app.url, 'megan@contoso.example', 'en-US');
    await page.getByRole('navigation').getByRole('link', { name: 'Your products' }).click();
    // Megan has one subscription: buy a second one first so that there is something to cancel
    await buyVisio(page, '4242424242424242');
    await followGuide(page, L.en, 'Visio Plan 2', 10, 'Visio Plan 1');
    await page.context().close();
  });

  it('a declined card tells the buyer and buys nothing; another card succeeds', async () => {
    const page = await signedInPage(ctx.browser, ctx.app.url, 'adele@contoso.example', 'en-US');
    await page.getByRole('navigation').getByRole('link', { name: 'Your products' }).click();
    const before = (await (await ctx.app.signIn('adele@contoso.example')).get('/api/subscriptions')).body.items.length;
    await page.getByRole('button', { name: 'Buy a product' }).click();
    await page.getByRole('combobox', { name: 'Product' }).click();
    await page.getByRole('option', { name: 'Visio Plan 1' }).click();
    await page.getByLabel('Number of licenses').fill('3');
    // price, tax and total before confirming: 3 x 5.64 = 16.92 + 20 % VAT = 20.30
    await page.getByText('€20.30').waitFor();
    await page.getByRole('radio', { name: 'A new card' }).check();
    await fillCard(page, '4000000000009995');
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.getByText('Your card has insufficient funds. Use another card.').waitFor();
    expect((await (await ctx.app.signIn('adele@contoso.example')).get('/api/subscriptions')).body.items.length).toBe(before);
    await page.getByLabel('Card number').fill('4242 4242 4242 4242');
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.getByRole('heading', { name: 'Visio Plan 1' }).waitFor();
    expect((await (await ctx.app.signIn('adele@contoso.example')).get('/api/subscriptions')).body.items.length).toBe(before + 1);
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
