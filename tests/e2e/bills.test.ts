import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { signedInPage, useAppAndBrowser } from '../helpers/browser.js';
import { pdfText } from '../helpers/pdf.js';
import { buy, card } from '../helpers/commerce.js';
import { runJobsOnce } from '../../src/services/jobs/run-jobs.js';

// The guide's "Gérer vos détails de paiement", "Mise à jour d'un mode de paiement existant",
// "Ajouter un nouveau mode de paiement" and "Afficher vos factures", in French and in English.
const ctx = useAppAndBrowser();

const L = {
  fr: {
    bills: 'Factures et paiements',
    profiles: 'Profils de facturation',
    methods: 'Modes de paiement',
    invoices: 'Factures',
    edit: 'Modifier',
    replace: 'Remplacer',
    save: 'Enregistrer',
    cvc: 'Code de sécurité',
    nameOnCard: 'Nom sur la carte',
    newCard: 'Une nouvelle carte',
    add: 'Ajouter un mode de paiement',
    addButton: 'Ajouter',
    number: 'Numéro de carte',
    month: "Mois d'expiration",
    year: "Année d'expiration",
    line1: 'Adresse (ligne 1)',
    city: 'Ville',
    postal: 'Code postal',
    saved: 'Le mode de paiement a été enregistré.',
    replaced: 'Le mode de paiement a été remplacé',
    period: 'Période',
    past3: 'Les 3 derniers mois',
    past6: 'Les 6 derniers mois',
    range: 'Spécifier une plage de dates',
    from: 'Du',
    to: 'Au',
    apply: 'Appliquer',
    pdf: 'Télécharger le PDF',
    mastercard: 'MASTERCARD se terminant par 4444',
    total: '19 728,00 €',
    lang: 'fr',
    editProfile: 'Modifier le profil de facturation',
    country: 'Pays ou région',
    invoiceEmail: 'E-mail de facturation',
    colon: ' : ',
    profileSaved: 'Le profil de facturation a été enregistré',
    home: 'France',
    abroad: 'Allemagne',
    badNumber: "Le numéro de carte n'est pas valide.",
    noFrom: 'Du : choisissez une date.',
    offline: 'Le serveur est injoignable. Vérifiez votre connexion et réessayez.',
    remove: 'Supprimer',
    inUse: 'Cette carte paie des abonnements',
    removed: 'Le mode de paiement a été supprimé.',
  },
  en: {
    bills: 'Bills & payments',
    profiles: 'Billing profiles',
    methods: 'Payment methods',
    invoices: 'Invoices',
    edit: 'Edit',
    replace: 'Replace',
    save: 'Save',
    cvc: 'Security code',
    nameOnCard: 'Name on card',
    newCard: 'A new card',
    add: 'Add a payment method',
    addButton: 'Add',
    number: 'Card number',
    month: 'Expiration month',
    year: 'Expiration year',
    line1: 'Address line 1',
    city: 'City',
    postal: 'Postal code',
    saved: 'The payment method was saved.',
    replaced: 'The payment method was replaced',
    period: 'Period',
    past3: 'Past 3 months',
    past6: 'Past 6 months',
    range: 'Specify a date range',
    from: 'From',
    to: 'To',
    apply: 'Apply',
    pdf: 'Download PDF',
    mastercard: 'MASTERCARD ending in 4444',
    total: '$336.00',
    lang: 'en',
    editProfile: 'Edit billing profile',
    country: 'Country or region',
    invoiceEmail: 'Invoice email',
    colon: ': ',
    profileSaved: 'The billing profile was saved',
    home: 'United States',
    abroad: 'Germany',
    badNumber: 'The card number is not valid.',
    noFrom: 'From: choose a date.',
    offline: 'The server could not be reached. Check your connection and try again.',
    remove: 'Remove',
    inUse: 'This card pays for subscriptions',
    removed: 'The payment method was removed.',
  },
};
type Labels = typeof L.fr;

async function fillNewCard(pane: ReturnType<Page['getByRole']>, l: Labels, number: string) {
  await pane.getByLabel(l.number).fill(number);
  await pane.getByLabel(l.month).fill('10');
  await pane.getByLabel(l.year).fill('2031');
  await pane.getByLabel(l.cvc).fill('456');
  await pane.getByLabel(l.nameOnCard).fill('Carte de test');
  await pane.getByLabel(l.line1).fill('5 avenue Foch');
  await pane.getByLabel(l.city).fill('Lyon');
  await pane.getByLabel(l.postal).fill('69006');
}

async function followGuide(page: Page, l: Labels, profileName: string, invoiceTotal: string, product: string) {
  const nav = page.getByRole('navigation');
  // Gérer vos détails de paiement: Billing profiles, a profile, under Payment method: Edit, then Replace
  await nav.getByRole('link', { name: l.bills }).click();
  await page.getByRole('tab', { name: l.profiles }).click();
  await page.getByRole('link', { name: profileName }).first().click();
  await page.getByRole('button', { name: l.edit, exact: true }).click();
  let pane = page.getByRole('dialog');
  await pane.getByLabel(l.cvc).fill('789');
  await pane.getByRole('button', { name: l.save }).click();
  await page.getByText(l.saved).waitFor();
  await page.getByRole('button', { name: l.replace, exact: true }).click();
  pane = page.getByRole('dialog');
  await pane.getByRole('radio', { name: l.newCard }).check();
  await fillNewCard(pane, l, '5555 5555 5555 4444');
  await pane.getByRole('button', { name: l.save }).click();
  await page.getByText(l.replaced).waitFor();
  await page.getByText(l.mastercard).first().waitFor();
  // the profile itself: its invoice email; the country from a list in the reader's language
  await page.getByRole('button', { name: l.editProfile }).click();
  pane = page.getByRole('dialog');
  const country = pane.getByRole('combobox', { name: l.country });
  expect(await country.inputValue()).toBe(l.home);
  await country.click();
  await page.getByRole('option', { name: l.abroad }).click();
  expect(await country.inputValue()).toBe(l.abroad);
  await country.click();
  await page.getByRole('option', { name: l.home }).click();
  await pane.getByLabel(l.invoiceEmail).fill('factures@example.com');
  await pane.getByRole('button', { name: l.save }).click();
  await page.getByText(l.profileSaved).waitFor();
  await page.getByText(`${l.invoiceEmail}${l.colon}factures@example.com`).waitFor();

  // Mise à jour d'un mode de paiement existant: Payment methods tab, a card, Edit, the changes, Save
  await nav.getByRole('link', { name: l.bills }).click();
  await page.getByRole('tab', { name: l.methods }).click();
  await page.getByRole('button', { name: l.mastercard }).click();
  pane = page.getByRole('dialog');
  await pane.getByRole('button', { name: l.edit, exact: true }).click();
  await pane.getByLabel(l.nameOnCard).fill('Nom modifié');
  await pane.getByLabel(l.year).fill('2032');
  await pane.getByRole('button', { name: l.save }).click();
  await page.getByRole('row').filter({ hasText: 'Nom modifié' }).filter({ hasText: '10/2032' }).waitFor();

  // Ajouter un nouveau mode de paiement: Add a payment method, the card, Add
  await page.getByRole('button', { name: l.add }).click();
  pane = page.getByRole('dialog', { name: l.add });
  // a wrong number is said under the field, and the error takes the focus
  await fillNewCard(pane, l, '4242 4242 4242 4241');
  await pane.getByRole('button', { name: l.addButton, exact: true }).click();
  await pane.getByRole('alert').filter({ hasText: l.badNumber }).first().waitFor();
  const numberField = pane.getByRole('textbox', { name: l.number });
  expect(await numberField.getAttribute('aria-invalid')).toBe('true');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
  await numberField.fill('4242 4242 4242 4242');
  await pane.getByRole('button', { name: l.addButton, exact: true }).click();
  const added = page.getByRole('row').filter({ hasText: 'Carte de test' }).filter({ hasText: '4242' });
  await added.waitFor();
  // a card that pays for subscriptions stays; a spare one goes, once confirmed
  await page.getByRole('row').filter({ hasText: l.mastercard }).getByRole('button', { name: l.remove }).click();
  await page.getByRole('dialog').getByRole('button', { name: l.remove }).click();
  await page.getByText(l.inUse).waitFor();
  await added.getByRole('button', { name: l.remove }).click();
  await page.getByRole('dialog').getByRole('button', { name: l.remove }).click();
  await page.getByText(l.removed).waitFor();
  await added.waitFor({ state: 'detached' });

  // Afficher vos factures: Invoices tab, choose an invoice; change the period
  await page.getByRole('tab', { name: l.invoices }).click();
  await page.getByRole('combobox', { name: l.period }).filter({ hasText: l.past3 }).waitFor();
  const invoiceLink = page.getByRole('grid').getByRole('row').filter({ hasText: product }).getByRole('button').first();
  const number = (await invoiceLink.textContent())!.trim();
  await invoiceLink.click();
  pane = page.getByRole('dialog');
  await pane.getByText(invoiceTotal).first().waitFor();
  const href = await pane.getByRole('link', { name: l.pdf }).getAttribute('href');
  const pdf = await page.request.get(href!);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  const text = await pdfText(await pdf.body());
  expect(text).toContain(number);
  expect(text).toContain(invoiceTotal.replace(/\u202f|\u00a0/g, ' '));
  await page.keyboard.press('Escape');
  await page.getByRole('combobox', { name: l.period }).click();
  await page.getByRole('option', { name: l.past6 }).click();
  await page.getByRole('grid').getByRole('button', { name: number }).waitFor();
  await page.getByRole('combobox', { name: l.period }).click();
  await page.getByRole('option', { name: l.range }).click();
  // no start date: said in words, where the eye is
  await page.getByRole('button', { name: l.apply }).click();
  await page.getByRole('alert').filter({ hasText: l.noFrom }).first().waitFor();
  await page.getByLabel(l.from, { exact: true }).fill('2026-01-01');
  await page.getByLabel(l.to, { exact: true }).fill('2026-03-31');
  await page.getByRole('button', { name: l.apply }).click();
  await page.getByRole('grid').getByRole('button', { name: number }).waitFor();
  // offline, the list says so in the reader's language
  await page.context().setOffline(true);
  await page.getByRole('combobox', { name: l.period }).click();
  await page.getByRole('option', { name: l.past6 }).click();
  await page.getByRole('alert').filter({ hasText: l.offline }).waitFor();
  await page.context().setOffline(false);
}

describe('Billing > Bills & payments, as in the guide', () => {
  it('in French', async () => {
    const page = await signedInPage(ctx.browser, ctx.app.url, 'adele@contoso.example', 'fr-FR');
    await followGuide(page, L.fr, 'Adèle Vance', L.fr.total, 'Power BI Pro');
    await page.context().close();
  });

  it('in English', async () => {
    const page = await signedInPage(ctx.browser, ctx.app.url, 'joni@fabrikam.example', 'en-US');
    await followGuide(page, L.en, 'Joni Sherman', L.en.total, 'Power BI Pro');
    await page.context().close();
  });

  // last: it moves the server's clock a month on
  it('"Payer maintenant": a renewal the card refused is paid with a new card', async () => {
    const { app } = ctx;
    const sub = (
      await buy(await app.signIn('megan@contoso.example'), {
        quantity: 2,
        term: 'monthly',
        card: { ...card(), nameOnCard: 'Megan Bowen' },
      })
    ).body;
    await app.deps.db.query(
      `UPDATE gateway.cards SET outcome = 'insufficient_funds' WHERE token = (SELECT gateway_token FROM payment_methods WHERE id = $1)`,
      [sub.paymentMethod.id],
    );
    app.clock.set('2026-04-02T09:00:00Z');
    await runJobsOnce(app.deps);

    const page = await signedInPage(ctx.browser, app.url, 'megan@contoso.example', 'fr-FR');
    await page.getByRole('navigation').getByRole('link', { name: L.fr.bills }).click();
    const dueRow = page.getByRole('grid').getByRole('row').filter({ hasText: 'À payer' });
    const number = (await dueRow.getByRole('button').first().textContent())!.trim();
    await dueRow.getByRole('button', { name: number }).click();
    const pane = page.getByRole('dialog');
    await pane.getByRole('radio', { name: L.fr.newCard }).check();
    await fillNewCard(pane, L.fr, '5555 5555 5555 4444');
    await pane.getByRole('button', { name: 'Payer maintenant' }).click();
    await pane.getByText('Merci : la facture est payée').waitFor();
    await pane.getByText('Payée par MASTERCARD se terminant par 4444').waitFor();
    // paid, the invoice offers nothing more to pay, and the list says so
    expect(await pane.getByRole('button', { name: 'Payer maintenant' }).count()).toBe(0);
    await pane.getByRole('button', { name: 'Fermer' }).last().click();
    await page.getByRole('grid').getByRole('row').filter({ hasText: number }).filter({ hasText: 'Payée' }).waitFor();
    expect((await (await app.signIn('megan@contoso.example')).get(`/api/subscriptions/${sub.id}`)).body.status).toBe(
      'active',
    );
    await page.context().close();
  });
});
