import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { signedInPage, useAppAndBrowser } from '../helpers/browser.js';
import { send } from '../helpers/app.js';

// Admin > Settings > Apps: an admin registers a daemon's credentials, rotates its secret and revokes it.
const ctx = useAppAndBrowser();

const grant = (tenant: string, clientId: string, secret: string) =>
  send(
    `${ctx.app.url}/${tenant}/oauth2/v2.0/token`,
    'POST',
    new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: secret,
      scope: 'https://graph.microsoft.com/.default',
    }).toString(),
    { 'content-type': 'application/x-www-form-urlencoded' },
  );
const field = (page: Page, label: string) => page.getByRole('textbox', { name: label, exact: true }).inputValue();

describe('Administration > Paramètres > Applications, in French', () => {
  it('registers an app whose secret is shown once and works, gives it a new secret, then revokes it', async () => {
    const page = await signedInPage(ctx.browser, ctx.app.url, 'admin@contoso.example', 'fr-FR');
    await page.getByRole('navigation').getByRole('link', { name: 'Applications' }).click();
    await page.getByRole('heading', { name: 'Paramètres › Applications' }).waitFor();
    await page.getByText('Aucune application pour l’instant.').waitFor();
    await page.getByLabel('Nom de l’application').fill('Robot de licences');
    await page.getByRole('checkbox', { name: 'Lire l’organisation et ses produits (Organization.Read.All)' }).check();
    await page.getByRole('button', { name: 'Inscrire l’application' }).click();
    await page.getByText('Secret client (affiché cette seule fois)', { exact: false }).waitFor();
    const [clientId, tenant, secret] = [
      await field(page, 'ID client'),
      await field(page, 'ID de locataire'),
      await field(page, 'Secret client'),
    ];
    expect((await grant(tenant, clientId, secret)).status).toBe(200);
    await page
      .getByRole('row', {
        name: /Robot de licences.*User\.Read\.All, LicenseAssignment\.ReadWrite\.All, Organization\.Read\.All.*Jamais/,
      })
      .waitFor();

    await page.getByRole('button', { name: 'Nouveau secret Robot de licences' }).click();
    await page.getByText('Nouveau secret client pour Robot de licences', { exact: false }).waitFor();
    const renewed = await field(page, 'Secret client');
    expect(renewed).not.toBe(secret);
    expect((await grant(tenant, clientId, secret)).body.error).toBe('invalid_client');
    expect((await grant(tenant, clientId, renewed)).status).toBe(200);

    await page.getByRole('button', { name: 'Révoquer Robot de licences' }).click();
    await page.getByText('Robot de licences est révoquée : son secret et ses jetons ne fonctionnent plus.').waitFor();
    await page.getByText('Aucune application pour l’instant.').waitFor();
    expect((await grant(tenant, clientId, renewed)).body.error).toBe('unauthorized_client');
  });
});

describe('Admin > Settings > Apps, in English', () => {
  it('registers an app and lists it with the admin it acts for', async () => {
    const page = await signedInPage(ctx.browser, ctx.app.url, 'admin@contoso.example', 'en-US');
    await page.getByRole('navigation').getByRole('link', { name: 'Apps' }).click();
    await page.getByRole('heading', { name: 'Settings › Apps' }).waitFor();
    await page.getByLabel('App name').fill('License robot');
    await page.getByRole('button', { name: 'Register app' }).click();
    await page.getByText('Client secret (shown only this once)', { exact: false }).waitFor();
    expect(await field(page, 'Client secret')).toMatch(/^ssa_/);
    await page
      .getByRole('row', { name: /License robot.*User\.Read\.All, LicenseAssignment\.ReadWrite\.All/ })
      .waitFor();
  });
});
