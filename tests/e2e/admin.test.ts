import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { signedInPage, useAppAndBrowser } from '../helpers/browser.js';
import { buy } from '../helpers/commerce.js';
import { expectNotOffered } from './buy-form.js';

const ctx = useAppAndBrowser();

/** Opens a purchase's pane from the table row that shows `row`, by the link or button naming its product. */
async function openRowPane(page: Page, row: string, opener: 'link' | 'button', product: string) {
  await page.getByRole('row').filter({ hasText: row }).getByRole(opener, { name: product }).click();
  return page.getByRole('dialog', { name: product });
}

describe('the admin side', () => {
  it("shows an admin a member's purchase with the guide's six fields and no edit control", async () => {
    const page = await signedInPage(ctx.browser, ctx.app.url, 'admin@contoso.example', 'fr-FR');
    // the overview sums up the members' purchases per product
    await page.getByRole('navigation').getByRole('link', { name: "Vue d'ensemble" }).click();
    await page.getByText('1 achat · 5 licences · 0 attribuée').waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Produits', exact: true }).click();
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.getByRole('menuitemcheckbox', { name: 'Libre-service' }).click();
    await page.keyboard.press('Escape');
    const pane = await openRowPane(page, 'Project Plan 1', 'link', 'Project Plan 1');
    const fields = pane.getByRole('definition');
    await fields.first().waitFor();
    const terms = await pane.locator('dt').allTextContents();
    expect(terms).toEqual([
      'Produit',
      "Nom de l'acheteur",
      'Abonnements achetés',
      "Date d'expiration",
      "Prix d'achat",
      'Utilisateurs affectés',
    ]);
    const values = await fields.allTextContents();
    expect(values[0]).toBe('Project Plan 1');
    expect(values[1]).toContain('Adèle Vance');
    expect(values[2]).toBe('5');
    expect(values[3]).toBe('2 avril 2026');
    expect(values[4]).toContain('11,28');
    // read-only: nothing to type in, no license buttons; only taking control
    expect(await pane.getByRole('textbox').count()).toBe(0);
    expect(await pane.getByRole('spinbutton').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Acheter des licences' }).count()).toBe(0);
    await pane.getByRole('button', { name: 'Prendre le contrôle de cet abonnement' }).waitFor();
    await page.context().close();
  });

  it('disallows a product in Settings, and the member is no longer offered it', async () => {
    const admin = await signedInPage(ctx.browser, ctx.app.url, 'admin@contoso.example', 'en-US');
    await admin.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
    await admin.getByRole('heading', { name: 'Settings › Self-service trials and purchases' }).waitFor();
    await admin.getByRole('combobox', { name: 'Visio Plan 1' }).click();
    await admin.getByRole('option', { name: 'Do not allow' }).click();
    await admin.getByText('Visio Plan 1: Do not allow.').waitFor();
    // the settings' other tabs are one click away, and lead back
    await admin.getByRole('tab', { name: 'Self-service trials and purchases', selected: true }).waitFor();
    await admin.getByRole('tab', { name: 'Sign-in' }).click();
    await admin.getByRole('heading', { name: 'Settings › Sign-in', level: 1 }).waitFor();
    await admin.getByRole('tab', { name: 'Self-service trials and purchases' }).click();
    await admin.getByRole('combobox', { name: 'Visio Plan 1' }).waitFor();
    await admin.context().close();

    const member = await signedInPage(ctx.browser, ctx.app.url, 'megan@contoso.example', 'en-US');
    await expectNotOffered(member, 'en-US', 'Visio Plan 1');
    await member.context().close();
  });

  it('moves the users of a purchase to an organization subscription, and the buyer sees the notification', async () => {
    const adele = await ctx.app.signIn('adele@contoso.example');
    const purchase = (await adele.get('/api/subscriptions')).body.items.find(
      (s: { product: { name: string } }) => s.product.name === 'Power BI Pro',
    );
    const people = (await adele.get('/api/people?search=a&limit=3')).body.items.map((p: { id: string }) => p.id);
    expect((await adele.post(`/api/subscriptions/${purchase.id}/assignments`, { userIds: people })).status).toBe(200);
    expect((await buy(await ctx.app.signIn('admin@contoso.example'), { quantity: 10 })).status).toBe(201);

    const admin = await signedInPage(ctx.browser, ctx.app.url, 'admin@contoso.example', 'en-US');
    await admin.getByRole('navigation').getByRole('link', { name: 'Self-service purchases' }).click();
    const pane = await openRowPane(admin, 'Adèle Vance', 'button', 'Power BI Pro');
    await pane.getByRole('button', { name: 'Take control of this subscription' }).click();
    await pane.getByRole('radio', { name: 'Move the users to a subscription of the organization' }).check();
    await pane.getByRole('combobox', { name: 'Organization subscription' }).click();
    await admin.getByRole('option', { name: 'Power BI Pro · 10 available' }).click();
    await pane.getByRole('button', { name: 'Take control', exact: true }).click();
    await pane.getByText('You took control: the buyer was notified.').waitFor();
    await admin.context().close();

    const buyer = await signedInPage(ctx.browser, ctx.app.url, 'adele@contoso.example', 'fr-FR');
    await buyer.getByRole('button', { name: 'Notifications (1)' }).click();
    await buyer.getByText('Un administrateur a pris le contrôle de votre abonnement Power BI Pro.').waitFor();
    await buyer.context().close();
  });
});
