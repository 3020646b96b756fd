import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { fillSignInForm, pageLoaded, signedInPage, useAppAndBrowser, type Locale } from '../helpers/browser.js';
import { assignSome, buy } from '../helpers/commerce.js';
import { portalPages } from './portal-pages.js';

// axe on every page and pane of a member and an admin: all of them in French at 1280 px and in
// English at 390 px, and each page in the other language at one of the widths. No critical or serious
// violation, nor the moderate ones the issue names (content outside landmarks, a page without an
// h1, an empty table header).
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const ALSO = ['region', 'page-has-heading-one', 'empty-table-header'];
// Fluent's focus trap (tabster) puts a focusable, empty, aria-hidden span on each side of a pane
// or menu so that Tab cycles inside it; they are its machinery, not content of ours.
const FOCUS_SENTINELS = '[data-tabster-dummy]';

const ctx = useAppAndBrowser();
let pages: Awaited<ReturnType<typeof portalPages>>;
let canceled: string;
beforeAll(async () => {
  pages = await portalPages(ctx.app);
  // people holding licenses, for the list of who holds them and its "Unassign" dialog
  await assignSome(ctx.app, pages.member[3]!.split('/').pop()!, 3);
  // a canceled subscription, for the Reactivate pane
  const adele = await ctx.app.signIn('adele@contoso.example');
  canceled = (await buy(adele, { quantity: 2 })).body.id;
  expect((await adele.post(`/api/subscriptions/${canceled}/cancel`, { reason: 'other' })).status).toBe(200);
});

/** The violations axe finds on the page as it is now, as "where: rule (impact) on elements: the first one's markup". */
async function violations(page: Page, where: string): Promise<string[]> {
  // evaluated through the devtools protocol: the page's Content-Security-Policy does not apply
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const found = await page.evaluate(async (exclude) => {
    // two frames first: a transition's styles (a button just enabled) are its end's only once a frame has been drawn
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    type Result = { violations: { id: string; impact: string; nodes: { target: string[]; html: string }[] }[] };
    const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<Result> } }).axe;
    const r = await axe.run({ exclude: [[exclude]] }, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      target: v.nodes.map((n) => n.target.join(' ')).join(', '),
      html: v.nodes[0]!.html,
    }));
  }, FOCUS_SENTINELS);
  return found
    .filter((v) => v.impact === 'critical' || v.impact === 'serious' || ALSO.includes(v.id))
    .map((v) => `${where}: ${v.id} (${v.impact}) on ${v.target}: ${v.html.slice(0, 160)}`);
}

/**
 * A signed-in page at the given width with what the checks found on it. Motion is reduced: a
 * pane fading in would otherwise be measured half transparent.
 */
async function tour(email: string, locale: Locale, width: number) {
  const page = await signedInPage(ctx.browser, ctx.app.url, email, locale);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  if (width < 1280) await page.setViewportSize({ width, height: 844 });
  const found: string[] = [];
  const t = {
    page,
    locale,
    width,
    found,
    /** the guide's words in the tour's language */
    say: (fr: string, en: string) => (locale === 'fr-FR' ? fr : en),
    check: async (where: string) => {
      found.push(...(await violations(page, `${width} px ${locale} ${where}`)));
    },
    visit: async (path: string) => {
      await page.goto(path);
      await pageLoaded(page);
    },
    pages: async (paths: string[]) => {
      for (const path of paths) {
        await t.visit(path);
        await t.check(path);
      }
    },
    /**
     * Closes a pane or dialog and, unless it opened over another one, waits until no modal one is
     * left, not even fading out, and the page behind is no longer hidden from assistive technologies
     * (Fluent gives it back a moment later).
     */
    close: async (dialog: Locator, how: 'Escape' | Locator = 'Escape', nested = false) => {
      if (how === 'Escape') await page.keyboard.press('Escape');
      else await how.click();
      await dialog.waitFor({ state: 'detached' });
      if (!nested) await t.settled();
    },
    settled: () =>
      page.waitForFunction(() => !document.querySelector('[aria-modal="true"], header[aria-hidden="true"]')),
    /** Opens a menu or list, checks it and closes it again. */
    popup: async (trigger: Locator, role: 'menu' | 'listbox' | 'group', where: string) => {
      await trigger.click();
      const popup = page.getByRole(role, role === 'group' ? { name: 'Notifications' } : {});
      await popup.waitFor();
      await t.check(where);
      await page.keyboard.press('Escape');
      await popup.waitFor({ state: 'detached' });
    },
    done: async () => {
      await page.context().close();
      expect(found).toEqual([]);
    },
  };
  return t;
}
type Tour = Awaited<ReturnType<typeof tour>>;

/** A pane or dialog opened by a button, checked once `ready` shows; the caller closes it. */
async function pane(
  t: Tour,
  opener: Locator,
  name: string | RegExp,
  ready?: (pane: Locator) => Promise<unknown>,
  where = `pane ${name}`,
) {
  await opener.click();
  const dialog = t.page.getByRole('dialog', { name });
  await dialog.waitFor();
  if (ready) await ready(dialog);
  await t.check(where);
  return dialog;
}

async function memberPanes(t: Tour) {
  const { page, say } = t;
  const sub = pages.member[3]!;
  const closeButton = (dialog: Locator) => dialog.getByRole('button', { name: say('Fermer', 'Close') }).last();

  await t.visit(sub);
  const buy = await pane(
    t,
    page.getByRole('button', { name: say('Acheter des licences', 'Buy licenses') }),
    say('Acheter des licences', 'Buy licenses'),
    async (p) => {
      // one more: the pane then shows what it costs
      await p.getByLabel(say('Total des licences', 'Total licenses')).fill('101');
      await p.getByRole('region').waitFor();
    },
  );
  await t.close(buy, closeButton(buy));
  // the total as it is: what can be removed depends on who holds licenses
  const remove = await pane(
    t,
    page.getByRole('button', { name: say('Supprimer des licences', 'Remove licenses') }),
    say('Supprimer des licences', 'Remove licenses'),
    (p) => p.getByRole('region').waitFor(),
  );
  await t.close(remove, closeButton(remove));
  await page.getByRole('button', { name: say('Autres actions', 'More actions') }).click();
  await page.getByRole('menu').waitFor();
  await t.check('menu More actions');
  const cancel = await pane(
    t,
    page.getByRole('menuitem', { name: say("Annuler l'abonnement", 'Cancel subscription') }),
    say("Annuler l'abonnement", 'Cancel subscription'),
    (p) => p.getByRole('region').waitFor(),
  );
  await t.close(cancel);

  await t.visit(`/billing/products/${canceled}`);
  const reactivate = await pane(
    t,
    page.getByRole('button', { name: say('Réactiver', 'Reactivate') }),
    say('Réactiver l’abonnement', 'Reactivate the subscription'),
    (p) => p.getByRole('region').waitFor(),
  );
  await t.close(reactivate);

  await t.visit('/billing/products');
  await t.popup(page.getByRole('button', { name: say('Filtrer', 'Filter') }), 'menu', 'menu Filter');
  await t.popup(
    page
      .getByRole('grid')
      .getByRole('button', { name: say('Autres actions', 'More actions') })
      .first(),
    'menu',
    'menu More actions of a row',
  );
  await t.popup(page.getByRole('button', { name: 'Notifications' }), 'group', 'Notifications');

  await t.visit('/billing/products/buy');
  await t.popup(page.getByRole('combobox', { name: say('Produit', 'Product') }), 'listbox', 'list of products');
  await page.getByRole('combobox', { name: say('Produit', 'Product') }).click();
  await page.getByRole('option', { name: 'Visio Plan 1' }).click();
  await page.getByLabel(say('Nombre de licences', 'Number of licenses')).fill('0');
  await page.getByRole('radio', { name: say('Une nouvelle carte', 'A new card') }).check();
  await page.getByRole('radio', { name: say('Un nouveau profil de facturation', 'A new billing profile') }).check();
  await t.check('buy, a new card and profile, a wrong number');
  await t.popup(
    page.getByRole('combobox', { name: say('Pays ou région', 'Country or region') }),
    'listbox',
    'list of countries',
  );

  await t.visit(sub.replace('/products/', '/licenses/'));
  const assign = await pane(
    t,
    page.getByRole('button', { name: say('Attribuer des licences', 'Assign licenses'), exact: true }),
    say('Attribuer des licences aux utilisateurs', 'Assign licenses to users'),
    async (p) => {
      await p.getByRole('combobox').fill('Me');
      await page.getByRole('option').first().waitFor();
    },
  );
  await page.keyboard.press('Escape');
  await t.close(assign);
  await page.getByRole('grid').getByRole('checkbox').nth(1).check();
  const unassign = await pane(
    t,
    page.getByRole('button', { name: say("Annuler l'affectation des licences", 'Unassign licenses') }),
    say("Annuler l'affectation des licences", 'Unassign licenses'),
  );
  await t.close(unassign);

  await t.visit('/billing/bills');
  const invoice = await pane(
    t,
    page.getByRole('grid').getByRole('row').nth(1).getByRole('button').first(),
    /./,
    (p) => p.getByRole('link', { name: say('Télécharger le PDF', 'Download PDF') }).waitFor(),
    'pane invoice',
  );
  await t.close(invoice);
  await t.popup(page.getByRole('combobox', { name: say('Période', 'Period') }), 'listbox', 'list of periods');
  await page.getByRole('combobox', { name: say('Période', 'Period') }).click();
  await page.getByRole('option', { name: say('Spécifier une plage de dates', 'Specify a date range') }).click();
  await page.getByLabel(say('Du', 'From')).waitFor();
  await t.check('invoices, a date range');

  await t.visit('/billing/bills?tab=methods');
  const add = await pane(
    t,
    page.getByRole('button', { name: say('Ajouter un mode de paiement', 'Add a payment method') }),
    say('Ajouter un mode de paiement', 'Add a payment method'),
  );
  await t.close(add);
  const card = await pane(
    t,
    page.getByRole('grid').getByRole('row').nth(1).getByRole('button').first(),
    /./,
    undefined,
    'pane card',
  );
  await card.getByRole('button', { name: say('Modifier', 'Edit'), exact: true }).click();
  await card.getByRole('button', { name: say('Enregistrer', 'Save') }).waitFor();
  await t.check('pane card, editing');
  await t.close(card);
  const removeCard = await pane(
    t,
    page
      .getByRole('grid')
      .getByRole('button', { name: say('Supprimer', 'Remove') })
      .first(),
    say('Supprimer ce mode de paiement ?', 'Remove this payment method?'),
  );
  await t.close(removeCard);

  await t.visit(pages.member[9]!);
  const profile = await pane(
    t,
    page.getByRole('button', { name: say('Modifier le profil de facturation', 'Edit billing profile') }),
    say('Modifier le profil de facturation', 'Edit billing profile'),
  );
  await t.close(profile);
  const replace = await pane(
    t,
    page.getByRole('button', { name: say('Remplacer', 'Replace'), exact: true }),
    say('Remplacer le mode de paiement', 'Replace the payment method'),
  );
  await t.close(replace);
  const edit = await pane(
    t,
    page.getByRole('button', { name: say('Modifier', 'Edit'), exact: true }),
    /./,
    undefined,
    "pane the profile's card, editing",
  );
  await t.close(edit);
}

/** The admin area's panes and what its settings pages show once something is added; `tag` keeps names apart between runs. */
async function adminPanes(t: Tour, tag: string) {
  const { page, say } = t;
  await t.visit('/admin/people');
  const add = await pane(
    t,
    page.getByRole('button', { name: say('Ajouter une personne', 'Add a person') }),
    say('Ajouter une personne', 'Add a person'),
  );
  await add.getByLabel(say("Nom d'affichage", 'Display name')).fill(`Ada ${tag}`);
  await add.getByLabel(say('Adresse e-mail', 'E-mail')).fill(`ada.${tag}@contoso.example`);
  await add.getByRole('button', { name: say('Enregistrer', 'Save') }).click();
  await t.settled();
  const link = (await page.getByText(/\/invitation#/).textContent())!.trim();
  await t.check('people, a person added');
  const invited = await signedOutPage(t.locale, t.width);
  await invited.goto(link);
  await invited.getByRole('heading', { level: 1 }).waitFor();
  t.found.push(...(await violations(invited, `${t.width} px ${t.locale} invitation`)));
  await invited.context().close();

  const person = await pane(
    t,
    page.getByRole('grid').getByRole('button', { name: 'Megan Bowen' }),
    /Megan Bowen/,
    undefined,
    'pane a person',
  );
  await t.popup(person.getByRole('combobox', { name: say('Rôle', 'Role') }), 'listbox', 'list of roles');
  const del = await pane(
    t,
    person.getByRole('button', { name: say('Supprimer', 'Delete') }),
    say('Supprimer', 'Delete'),
  );
  await t.close(del, del.getByRole('button', { name: say('Annuler', 'Cancel') }), true);
  await t.close(person);

  await t.visit('/admin/purchases');
  await page.getByRole('grid').getByRole('row').nth(1).getByRole('button').first().click();
  const purchase = page.getByRole('dialog');
  await purchase.waitFor();
  await t.check('pane purchase, opening');
  await purchase
    .getByRole('button', { name: say('Prendre le contrôle de cet abonnement', 'Take control of this subscription') })
    .click();
  await purchase.getByRole('radio').first().waitFor();
  await t.check('pane purchase, taking control');
  await t.close(purchase, purchase.getByRole('button', { name: say('Fermer', 'Close') }).last());
  await t.popup(page.getByRole('combobox').first(), 'listbox', 'list of products');

  await t.visit('/admin/settings');
  await t.popup(page.getByRole('combobox').first(), 'listbox', 'list of policies');

  await t.visit('/admin/sign-in');
  await page.getByRole('textbox', { name: say('Domaine', 'Domain') }).fill(`${tag}.contoso.example`);
  await page.getByRole('button', { name: say('Ajouter un domaine', 'Add a domain') }).click();
  await page.getByText(`${tag}.contoso.example`).first().waitFor();
  await t.check('sign-in, a domain added');

  await t.visit('/admin/provisioning');
  await page.getByLabel(say('Nom du jeton', 'Token name')).fill(`Entra ${tag}`);
  await page.getByRole('button', { name: say('Créer un jeton', 'Create token') }).click();
  await page.getByRole('textbox', { name: say('Jeton', 'Token'), exact: true }).waitFor();
  await t.check('provisioning, a token created');

  await t.visit('/admin/apps');
  await page.getByLabel(say('Nom de l’application', 'App name')).fill(`Robot ${tag}`);
  await page.getByRole('button', { name: say('Inscrire l’application', 'Register app') }).click();
  await page.getByRole('textbox', { name: say('Secret client', 'Client secret'), exact: true }).waitFor();
  await t.check('apps, an app registered');

  await t.visit('/admin/webhooks');
  await page
    .getByLabel(say('URL du point de terminaison', 'Endpoint URL'))
    .fill(`https://hooks.${tag}.example/selfserve`);
  await page.getByRole('button', { name: say('Ajouter un point de terminaison', 'Add endpoint') }).click();
  await page.getByRole('textbox', { name: say('Secret de signature', 'Signing secret'), exact: true }).waitFor();
  await page
    .getByRole('button', { name: say('Journal des livraisons', 'Delivery log') })
    .first()
    .click();
  await page
    .getByRole('heading', { level: 2, name: new RegExp(say('Journal des livraisons de', 'Delivery log of')) })
    .waitFor();
  await pageLoaded(page);
  await t.check('webhooks, an endpoint added and its log');
}

/** A page of someone not signed in, in the given language and width. */
async function signedOutPage(locale: Locale, width: number) {
  const context = await ctx.browser.newContext({
    locale,
    baseURL: ctx.app.url,
    viewport: { width, height: 844 },
    reducedMotion: 'reduce',
  });
  return context.newPage();
}

async function signInPages(locale: Locale, width: number) {
  const page = await signedOutPage(locale, width);
  const fr = locale === 'fr-FR';
  const found: string[] = [];
  await page.goto('/');
  await page.getByRole('heading', { level: 1 }).waitFor();
  found.push(...(await violations(page, `${width} px ${locale} sign-in, e-mail`)));
  await fillSignInForm(page, locale, 'adele@contoso.example', 'not the password');
  await page
    .getByText(fr ? 'Adresse e-mail ou mot de passe incorrect.' : 'The email or password is incorrect.')
    .waitFor();
  found.push(...(await violations(page, `${width} px ${locale} sign-in, a wrong password`)));
  await page.context().close();
  return found;
}

/** A member's pages, what `between` adds there (the menu), the panes, then the signed-out sign-in pages. */
async function memberTour(locale: Locale, width: number, between?: (t: Tour) => Promise<void>) {
  const t = await tour('adele@contoso.example', locale, width);
  await t.pages(pages.member);
  await between?.(t);
  await memberPanes(t);
  t.found.push(...(await signInPages(locale, width)));
  await t.done();
}

/** An admin's pages and panes; `tag` keeps names apart between runs. */
async function adminTour(locale: Locale, width: number, tag: string) {
  const t = await tour('admin@contoso.example', locale, width);
  await t.pages(pages.admin);
  await adminPanes(t, tag);
  await t.done();
}

describe('axe', { timeout: 240_000 }, () => {
  it("a member's pages and panes, in French at 1280 px", () => memberTour('fr-FR', 1280));

  it("a member's pages and panes, in English at 390 px, and the menu", () =>
    memberTour('en-US', 390, async (t) => {
      await t.page.getByRole('button', { name: 'Menu' }).click();
      await t.page.getByRole('dialog', { name: 'Menu' }).getByRole('navigation').waitFor();
      await t.check('menu');
      await t.close(t.page.getByRole('dialog', { name: 'Menu' }));
    }));

  it("an admin's pages and panes, in French at 1280 px", () => adminTour('fr-FR', 1280, 'fr-wide'));

  it("an admin's pages and panes, in English at 390 px", () => adminTour('en-US', 390, 'en-narrow'));

  it("in the other language: a member's pages in English at 1280 px, an admin's in French at 390 px", async () => {
    const member = await tour('adele@contoso.example', 'en-US', 1280);
    await member.pages(pages.member);
    await member.done();
    const admin = await tour('admin@contoso.example', 'fr-FR', 390);
    await admin.pages(pages.admin);
    await admin.done();
  });
});
