import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { fillSignInForm, launchBrowser, type Locale } from '../helpers/browser.js';
import { startTestApp, send, type TestApp, type Client } from '../helpers/app.js';
import { startOidcProvider } from '../helpers/oidc-provider.js';
import { buy } from '../helpers/commerce.js';

// Contoso signs in with a real OpenID Provider running here; its login page takes any password.
let app: TestApp;
let browser: Browser;
let provider: Awaited<ReturnType<typeof startOidcProvider>>;
let admin: Client;
const OPERATOR = 'sso-test-operator-token-0123456789';

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  // the provider's tokens carry today's times: the portal's clock is today's too
  app.clock.set(new Date().toISOString());
  provider = await startOidcProvider({
    redirectUri: `${app.url}/api/sso/callback`,
    postLogoutRedirectUri: `${app.url}/signin`,
    accounts: {
      adele: { email: 'adele@contoso.example', name: 'Adèle Vance', tid: 'tenant-1', oid: 'oid-adele' },
      megan: { email: 'megan@contoso.example', name: 'Megan Bowen' },
      pia: { email: 'pia@contoso.example', name: 'Pia Provisioned' },
      newcomer: { email: 'newcomer@contoso.example', name: 'New Comer' },
      outsider: { email: 'someone@elsewhere.example', name: 'Outsider' },
    },
  });
  app.deps.operatorToken = OPERATOR;
  const orgId = (await (admin = await app.signIn('admin@contoso.example')).get('/api/me')).body.organization.id;
  await send(
    `${app.url}/api/operator/organizations/${orgId}/domains`,
    'POST',
    { domain: 'contoso.example', verified: true },
    { authorization: `Bearer ${OPERATOR}` },
  );
  const set = await admin.put('/api/admin/identity-provider', {
    issuer: provider.issuer,
    clientId: provider.clientId,
    clientSecret: provider.clientSecret,
  });
  expect(set.body).toMatchObject({
    redirectUri: `${app.url}/api/sso/callback`,
    hasClientSecret: true,
    jitProvisioning: false,
  });
});
afterAll(async () => {
  await browser?.close();
  await provider?.close();
  await app?.close();
});

async function newPage(locale: Locale): Promise<Page> {
  const context = await browser.newContext({ locale, baseURL: app.url });
  // only this machine is reached (the provider's login page links a web font)
  await context.route(
    (url) => !['127.0.0.1', 'localhost'].includes(url.hostname),
    (route) => route.abort(),
  );
  return context.newPage();
}

/**
 * Types the address on our page, then logs in at the provider as `login` (unless the provider
 * remembers this browser) and comes back: home when signed in, the sign-in page with a reason when not.
 */
async function signInThroughProvider(page: Page, email: string, login: string, locale: Locale) {
  const fr = locale === 'fr-FR';
  const back = (url: URL) => url.origin === app.url && (url.pathname === '/' || url.searchParams.has('sso_error'));
  await page.goto('/signin');
  await page.getByLabel(fr ? 'Adresse e-mail' : 'Email').fill(email);
  await page.getByRole('button', { name: fr ? 'Suivant' : 'Next' }).click();
  await page.waitForURL((url) => url.href.startsWith(`${provider.issuer}/interaction/`) || back(url));
  if (!page.url().startsWith(provider.issuer)) return;
  await page.locator('input[name=login]').fill(login);
  await page.locator('input[name=password]').fill('anything');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.waitForURL(back);
}

const me = async (page: Page) => (await page.request.get('/api/me')).json();

describe('single sign-on with OpenID Connect', () => {
  it('sends an address of a verified domain to the provider and signs the person in; others get the password form', async () => {
    const page = await newPage('en-US');
    await signInThroughProvider(page, 'adele@contoso.example', 'adele', 'en-US');
    await page.getByRole('navigation').waitFor();
    expect((await me(page)).person.email).toBe('adele@contoso.example');

    // Fabrikam has no provider: the password comes next
    const other = await newPage('en-US');
    await other.goto('/');
    await fillSignInForm(other, 'en-US', 'joni@fabrikam.example');
    await other.getByRole('navigation').waitFor();
    await Promise.all([page.context().close(), other.context().close()]);
  });

  it("finds the person by Entra's tid/oid even after their address changed", async () => {
    const adele = (await admin.get('/api/people?search=Adele')).body.items[0];
    expect((await admin.patch(`/api/people/${adele.id}`, { email: 'adele.vance@contoso.example' })).status).toBe(200);
    const page = await newPage('fr-FR');
    await signInThroughProvider(page, 'adele.vance@contoso.example', 'adele', 'fr-FR');
    await page.getByRole('navigation').waitFor();
    expect((await me(page)).person.id).toBe(adele.id);
    await admin.patch(`/api/people/${adele.id}`, { email: 'adele@contoso.example' });
    await page.context().close();
  });

  it("lets people pushed by SCIM sign in through the provider and be licensed from a member's purchase", async () => {
    const token = (await admin.post('/api/admin/provisioning/tokens', { name: 'Entra' })).body.token;
    const created = await send(
      `${app.url}/scim/v2/Users`,
      'POST',
      {
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
        userName: 'pia@contoso.example',
        displayName: 'Pia Provisioned',
        addresses: [{ type: 'work', country: 'FR' }],
        active: true,
      },
      { authorization: `Bearer ${token}` },
    );
    expect(created.status).toBe(201);
    const page = await newPage('en-US');
    await signInThroughProvider(page, 'pia@contoso.example', 'pia', 'en-US');
    await page.getByRole('navigation').waitFor();
    expect((await me(page)).person.id).toBe(created.body.id);

    const megan = await app.signIn('megan@contoso.example');
    const sub = (await buy(megan, { quantity: 1 })).body;
    expect((await megan.post(`/api/subscriptions/${sub.id}/assignments`, { userIds: [created.body.id] })).status).toBe(
      200,
    );
    await page.context().close();
  });

  it('refuses a disabled person, and someone unknown unless just-in-time provisioning is on', async () => {
    const megan = (await admin.get('/api/people?search=Megan')).body.items[0];
    await admin.post(`/api/people/${megan.id}/disable`);
    let page = await newPage('fr-FR');
    await signInThroughProvider(page, 'megan@contoso.example', 'megan', 'fr-FR');
    await page.getByText('Votre compte est désactivé. Contactez votre administrateur.').waitFor();
    expect((await page.request.get('/api/me')).status()).toBe(401);
    await admin.post(`/api/people/${megan.id}/enable`);
    await page.context().close();

    page = await newPage('fr-FR');
    await signInThroughProvider(page, 'newcomer@contoso.example', 'newcomer', 'fr-FR');
    await page
      .getByText("Vous n'avez pas encore de compte ici. Demandez à votre administrateur de vous ajouter.")
      .waitFor();

    const jit = await admin.put('/api/admin/identity-provider', {
      issuer: provider.issuer,
      clientId: provider.clientId,
      jitProvisioning: true,
    });
    expect(jit.body).toMatchObject({ jitProvisioning: true });
    await signInThroughProvider(page, 'newcomer@contoso.example', 'newcomer', 'fr-FR');
    await page.getByRole('navigation').waitFor();
    expect((await me(page)).person).toMatchObject({
      email: 'newcomer@contoso.example',
      displayName: 'New Comer',
      role: 'member',
    });
    await page.context().close();
  });

  it("refuses an address the provider vouches for outside the organization's verified domains", async () => {
    const page = await newPage('en-US');
    await signInThroughProvider(page, 'pia@contoso.example', 'outsider', 'en-US');
    await page
      .getByText("Your organization's identity provider signed you in with an address outside its domains.")
      .waitFor();
    await page.context().close();
  });

  for (const [tamper, locale] of [
    ['audience', 'en-US'],
    ['expired', 'fr-FR'],
    ['replay', 'en-US'],
  ] as const) {
    it(`refuses an ID token with ${tamper === 'audience' ? 'a wrong audience' : tamper === 'expired' ? 'an expiry past' : 'the nonce of an earlier sign-in (replayed)'}`, async () => {
      const page = await newPage(locale);
      if (tamper === 'replay') {
        // a first sign-in gives a genuine ID token; the next answer replays it
        await signInThroughProvider(page, 'adele@contoso.example', 'adele', locale);
        await page.getByRole('navigation').waitFor();
        await page.request.post('/api/sso/sign-out', { headers: { 'x-csrf-token': (await me(page)).csrfToken } });
      }
      provider.tamper(tamper);
      await signInThroughProvider(page, 'adele@contoso.example', 'adele', locale);
      await page
        .getByText(
          locale === 'fr-FR'
            ? "Le fournisseur d'identité de votre organisation a donné une réponse que nous ne pouvons pas accepter. Reconnectez-vous ou contactez votre administrateur."
            : "Your organization's identity provider gave an answer we could not accept. Please sign in again or ask your admin.",
        )
        .waitFor();
      expect((await page.request.get('/api/me')).status()).toBe(401);
      await page.context().close();
    });
  }

  it('refuses an answer with a state this browser was not given, and the same answer twice', async () => {
    const page = await newPage('en-US');
    await page.goto('/api/sso/callback?code=stolen&state=forged');
    await page
      .getByText('This sign-in did not come from this browser or took too long. Please sign in again.')
      .waitFor();

    // the genuine answer, caught on its way back, is accepted once only
    let answer = '';
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/sso/callback') answer ||= request.url();
    });
    await signInThroughProvider(page, 'adele@contoso.example', 'adele', 'en-US');
    await page.getByRole('navigation').waitFor();
    // even with this browser's state cookie, the answer is used up
    const replayed = await page.request.get(answer, {
      headers: { cookie: `selfserve_sso_state=${new URL(answer).searchParams.get('state')}` },
      maxRedirects: 0,
    });
    expect(replayed.headers().location).toBe('/signin?sso_error=sso_state_invalid');
    await page.context().clearCookies();
    await page.goto(answer);
    await page
      .getByText('This sign-in did not come from this browser or took too long. Please sign in again.')
      .waitFor();
    expect((await page.request.get('/api/me')).status()).toBe(401);
    await page.context().close();
  });

  it("signs out here and offers the provider's sign-out", async () => {
    const page = await newPage('en-US');
    await signInThroughProvider(page, 'adele@contoso.example', 'adele', 'en-US');
    await page.getByRole('button', { name: 'Sign out' }).click();
    const link = page.getByRole('link', { name: "Also sign out of your organization's account" });
    await link.waitFor();
    expect(await link.getAttribute('href')).toMatch(new RegExp(`^${provider.issuer}/session/end\\?`));
    expect((await page.request.get('/api/me')).status()).toBe(401);
    await link.click();
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.waitForURL(`${app.url}/signin`);
    await page.getByRole('button', { name: 'Next' }).waitFor();
    await page.context().close();
  });
});
