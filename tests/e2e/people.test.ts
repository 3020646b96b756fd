import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import dns2 from 'dns2';
import { launchBrowser, signedInPage } from '../helpers/browser.js';
import { startTestApp, send, type TestApp, type Client } from '../helpers/app.js';
import { startOidcProvider } from '../helpers/oidc-provider.js';

let app: TestApp;
let browser: Browser;
let admin: Client;
// the DNS of contoso.example, on the loopback: TXT records from this table
const txt = new Map<string, string[]>();
const dns = dns2.createServer({
  udp: true,
  handle(request, reply) {
    const response = dns2.Packet.createResponseFromRequest(request);
    const name = request.questions[0]!.name;
    for (const data of txt.get(name.toLowerCase()) ?? [])
      response.answers.push({ name, type: dns2.Packet.TYPE.TXT, class: dns2.Packet.CLASS.IN, ttl: 60, data } as never);
    void reply(response);
  },
});

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  const { udp } = await dns.listen({ udp: { port: 0, address: '127.0.0.1' } });
  app.deps.dnsServers = [`127.0.0.1:${udp!.port}`];
  admin = await app.signIn('admin@contoso.example');
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await dns.close();
});

const person = async (search: string) =>
  (await admin.get(`/api/people?search=${encodeURIComponent(search)}`)).body.items[0];

describe('Administration > Personnes, in French', () => {
  it("sets Nestor's usage location, adds someone who signs in from the link, blocks and deletes", async () => {
    const page = await signedInPage(browser, app.url, 'admin@contoso.example', 'fr-FR');
    await page.getByRole('navigation').getByRole('link', { name: 'Personnes' }).click();
    await page.getByRole('heading', { name: 'Personnes' }).waitFor();

    await page.getByLabel('Rechercher par nom ou adresse e-mail').fill('Nestor');
    await page.getByRole('row', { name: /Nestor Wilke.*Non défini/ }).waitFor();
    await page.getByText('Nestor Wilke', { exact: true }).click();
    await page.getByLabel("Emplacement d'utilisation (code pays à deux lettres, par ex. FR)").fill('fr');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Nestor Wilke a été enregistré(e).').waitFor();
    await page.getByRole('row', { name: /Nestor Wilke.*FR/ }).waitFor();
    expect((await person('Nestor')).usageLocation).toBe('FR');

    await page.getByRole('button', { name: 'Ajouter une personne' }).click();
    await page.getByLabel(/^Nom d'affichage/).fill('Oriane Newton');
    await page.getByLabel(/^Adresse e-mail/).fill('oriane@contoso.example');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Oriane Newton a été ajouté(e).', { exact: false }).waitFor();
    const link = (await page.getByText(/\/invitation#/).textContent())!.trim();

    const invited = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
    await invited.goto(link);
    await invited.getByRole('heading', { name: 'Choisissez votre mot de passe' }).waitFor();
    await invited
      .getByText('Bienvenue dans Contoso, Oriane Newton. Vous vous connecterez avec oriane@contoso.example.')
      .waitFor();
    await invited.getByLabel('Nouveau mot de passe (10 caractères au moins)').fill('oriane password 1');
    await invited.getByLabel('Confirmez le mot de passe').fill('oriane password 1');
    await invited.getByRole('button', { name: 'Enregistrer et se connecter' }).click();
    await invited.getByRole('navigation').waitFor();
    await invited.context().close();

    await page.getByLabel('Rechercher par nom ou adresse e-mail').fill('Megan');
    await page.getByText('Megan Bowen', { exact: true }).click();
    await page.getByRole('button', { name: 'Bloquer la connexion' }).click();
    await page.getByText('Megan Bowen ne peut plus se connecter ; ses licences sont conservées.').waitFor();
    await page.getByRole('row', { name: /Megan Bowen.*Désactivé/ }).waitFor();

    await page.getByLabel('Rechercher par nom ou adresse e-mail').fill('Oriane');
    await page.getByText('Oriane Newton', { exact: true }).click();
    await page.getByRole('button', { name: 'Supprimer' }).click();
    await page.getByRole('dialog', { name: 'Supprimer' }).getByRole('button', { name: 'Supprimer' }).click();
    await page.getByText('Oriane Newton a été supprimé(e).').waitFor();
    await page.getByText('Personne ne correspond à cette recherche.').waitFor();
    await page.context().close();
  });
});

describe('Settings > Sign-in and Provisioning, in English', () => {
  it('verifies a domain by DNS, connects an OpenID provider and creates then revokes a SCIM token', async () => {
    const provider = await startOidcProvider({
      redirectUri: `${app.url}/api/sso/callback`,
      postLogoutRedirectUri: `${app.url}/signin`,
      accounts: {},
    });
    const page = await signedInPage(browser, app.url, 'admin@contoso.example', 'en-US');
    await page.getByRole('navigation').getByRole('link', { name: 'Sign-in' }).click();
    await page.getByRole('heading', { name: 'Settings › Sign-in' }).waitFor();

    await page.getByLabel('Domain').fill('contoso.example');
    await page.getByRole('button', { name: 'Add a domain' }).click();
    const record = (await page
      .getByRole('row', { name: /contoso\.example.*Not verified/ })
      .getByText(/^selfserve-verification=/)
      .textContent())!;
    await page.getByRole('button', { name: 'Verify contoso.example' }).click();
    await page
      .getByText('The TXT record was not found at the domain yet. DNS changes can take a while to appear.')
      .waitFor();
    txt.set('contoso.example', [record]);
    await page.getByRole('button', { name: 'Verify contoso.example' }).click();
    await page.getByText('contoso.example is verified.').waitFor();
    await page.getByRole('row', { name: /contoso\.example.*Verified/ }).waitFor();

    await page.getByLabel('Issuer URL').fill(provider.issuer);
    await page.getByLabel('Client ID').fill(provider.clientId);
    await page.getByLabel('Client secret').fill(provider.clientSecret);
    await page.getByRole('button', { name: 'Save the provider' }).click();
    await page.getByText('The identity provider was saved.').waitFor();
    expect(await page.getByLabel('Redirect URI to register at the provider').inputValue()).toBe(
      `${app.url}/api/sso/callback`,
    );
    expect(
      (await send(`${app.url}/api/sign-in/discover`, 'POST', { email: 'adele@contoso.example' })).body.method,
    ).toBe('sso');

    await page.getByRole('tab', { name: 'Provisioning' }).click();
    await page.getByRole('heading', { name: 'Settings › Provisioning' }).waitFor();
    expect(await page.getByLabel('Tenant URL').inputValue()).toBe(`${app.url}/scim/v2`);
    await page.getByLabel('Token name').fill('Microsoft Entra ID');
    await page.getByRole('button', { name: 'Create token' }).click();
    await page.getByText('Copy this token now: it is shown only once.').waitFor();
    const token = await page.getByRole('textbox', { name: 'Token', exact: true }).inputValue();
    expect(token).toMatch(/^scim_/);
    const scim = () => send(`${app.url}/scim/v2/Users?count=1`, 'GET', undefined, { authorization: `Bearer ${token}` });
    expect((await scim()).status).toBe(200);
    await page.getByRole('button', { name: 'Revoke Microsoft Entra ID' }).click();
    await page.getByText('No token yet.').waitFor();
    expect((await scim()).status).toBe(401);
    await page.context().close();
    await provider.close();
  });
});
