import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { signedInPage, useAppAndBrowser } from '../helpers/browser.js';
import { buy } from '../helpers/commerce.js';

// The guide's "Pour attribuer des licences" and "Pour annuler l'affectation des licences",
// click by click, in French and in English.
const ctx = useAppAndBrowser();

const L = {
  fr: {
    licenses: 'Licences',
    assign: 'Attribuer des licences',
    pane: 'Attribuer des licences aux utilisateurs',
    users: 'Utilisateurs',
    affect: 'Affecter',
    close: 'Fermer',
    assigned: (n: number) => `Licences attribuées à ${n} utilisateurs.`,
    note: 'Vous pouvez uniquement attribuer des licences à des personnes de votre organisation.',
    select: (name: string) => `Sélectionner ${name}`,
    unassignLicenses: "Annuler l'affectation des licences",
    unassign: "Annuler l'affectation",
  },
  en: {
    licenses: 'Licenses',
    assign: 'Assign licenses',
    pane: 'Assign licenses to users',
    users: 'Users',
    affect: 'Assign',
    close: 'Close',
    assigned: (n: number) => `Licenses assigned to ${n} users.`,
    note: 'You can only assign licenses to people in your organization.',
    select: (name: string) => `Select ${name}`,
    unassignLicenses: 'Unassign licenses',
    unassign: 'Unassign',
  },
};

async function addPerson(page: Page, l: typeof L.fr, typed: string, name: string) {
  const pane = page.getByRole('dialog', { name: l.pane });
  await pane.getByRole('combobox', { name: l.users }).fill(typed);
  await page.getByRole('option', { name: new RegExp(`^${name}`) }).click();
  await pane.getByRole('list').getByText(name, { exact: false }).first().waitFor();
}

async function followGuide(page: Page, l: typeof L.fr, product: string, people: [string, string][]) {
  const nav = page.getByRole('navigation');
  // Pour attribuer des licences: Facturation > Licences, the subscription, Assign licenses
  await nav.getByRole('link', { name: l.licenses, exact: true }).click();
  await page.getByRole('link', { name: product }).click();
  await page.getByRole('button', { name: l.assign, exact: true }).click();
  const pane = page.getByRole('dialog', { name: l.pane });
  await pane.getByText(l.note).waitFor();
  for (const [typed, name] of people) await addPerson(page, l, typed, name);
  await pane.getByRole('button', { name: l.affect, exact: true }).click();
  await pane.getByText(l.assigned(people.length)).waitFor();
  await pane.getByRole('button', { name: l.close, exact: true }).last().click();
  for (const [, name] of people) await page.getByRole('row').filter({ hasText: name }).waitFor();

  // Pour annuler l'affectation des licences: the product, the users, Unassign licenses, Unassign
  await nav.getByRole('link', { name: l.licenses, exact: true }).click();
  await page.getByRole('link', { name: product }).click();
  await page.getByRole('checkbox', { name: l.select(people[0]![1]) }).click();
  await page.getByRole('button', { name: l.unassignLicenses }).click();
  await page
    .getByRole('dialog', { name: l.unassignLicenses })
    .getByRole('button', { name: l.unassign, exact: true })
    .click();
  await page.getByRole('row').filter({ hasText: people[1]![1] }).waitFor();
  await page.getByRole('row').filter({ hasText: people[0]![1] }).waitFor({ state: 'detached' });
}

describe('Billing > Licenses, as in the guide', () => {
  it('in French: assigns two colleagues found by name, then unassigns one; a refusal names the person', async () => {
    const page = await signedInPage(ctx.browser, ctx.app.url, 'adele@contoso.example', 'fr-FR');
    await followGuide(page, L.fr, 'Power BI Pro', [
      ['Meg', 'Megan Bowen'],
      ['élo', 'Élodie Martin'],
    ]);
    // a refusal names the people concerned, and assigns nobody
    await page.getByRole('button', { name: L.fr.assign, exact: true }).click();
    await addPerson(page, L.fr, 'Nes', 'Nestor Wilke');
    const pane = page.getByRole('dialog', { name: L.fr.pane });
    await pane.getByRole('button', { name: L.fr.affect, exact: true }).click();
    await pane
      .getByText(
        "Ces personnes doivent avoir un emplacement d'utilisation avant de recevoir une licence : Nestor Wilke.",
      )
      .waitFor();
    const adele = await ctx.app.signIn('adele@contoso.example');
    const pool = (await adele.get('/api/licenses')).body.items.find(
      (l: { product: { name: string } }) => l.product.name === 'Power BI Pro',
    );
    expect(pool).toMatchObject({ assigned: 1 });
    await page.context().close();
  });

  it('in English: the same steps, and the 21st person is refused', async () => {
    const page = await signedInPage(ctx.browser, ctx.app.url, 'megan@contoso.example', 'en-US');
    await followGuide(page, L.en, 'Visio Plan 2', [
      ['Adè', 'Adèle Vance'],
      ['Meg', 'Megan Bowen'],
    ]);
    // up to 20 at a time
    const megan = await ctx.app.signIn('megan@contoso.example');
    const names: string[] = (await megan.get('/api/people?limit=30')).body.items
      .filter((p: { displayName: string }) => !['Megan Bowen', 'Adèle Vance'].includes(p.displayName))
      .map((p: { displayName: string }) => p.displayName)
      .slice(0, 21);
    await page.getByRole('button', { name: L.en.assign, exact: true }).click();
    for (const name of names.slice(0, 20)) await addPerson(page, L.en, name, name);
    const pane = page.getByRole('dialog', { name: L.en.pane });
    await pane.getByText('20 of 20 users').waitFor();
    await pane.getByRole('combobox', { name: L.en.users }).fill(names[20]!);
    await page.getByRole('option', { name: new RegExp(`^${names[20]}`) }).click();
    await pane.getByText('You can add up to 20 users at a time: assign these first.').waitFor();
    expect(await pane.getByText('20 of 20 users').count()).toBe(1);
    await page.context().close();
  });

  it('shows a large pool fifty people at a time, the rest with Show more', async () => {
    const megan = await ctx.app.signIn('megan@contoso.example');
    const sub = (await buy(megan, { productId: 'CFQ7TTC0LH2H', quantity: 60 })).body;
    const eligible: string[] = (
      await ctx.app.deps.db.query<{ id: string }>(
        `SELECT id FROM people WHERE org_id = $1 AND status = 'active' AND usage_location IS NOT NULL`,
        [megan.orgId],
      )
    ).map((r) => r.id);
    for (let i = 0; i < eligible.length; i += 20) {
      expect(
        (await megan.post(`/api/subscriptions/${sub.id}/assignments`, { userIds: eligible.slice(i, i + 20) })).status,
      ).toBe(200);
    }
    expect(eligible.length).toBeGreaterThan(50);
    // the API's own page, which the license page shows as it is
    const first = (await megan.get(`/api/subscriptions/${sub.id}/assignments`)).body;
    expect(first.items).toHaveLength(50);
    const rest = (
      await megan.get(`/api/subscriptions/${sub.id}/assignments?cursor=${encodeURIComponent(first.nextCursor)}`)
    ).body;
    const lastName: string = rest.items.at(-1).person.displayName;

    const page = await signedInPage(ctx.browser, ctx.app.url, 'megan@contoso.example', 'en-US');
    await page.getByRole('navigation').getByRole('link', { name: L.en.licenses, exact: true }).click();
    await page.getByRole('link', { name: 'Power Apps per user', exact: true }).click();
    await page
      .getByRole('row')
      .filter({ hasText: first.items.at(-1).person.displayName })
      .waitFor();
    expect(await page.getByRole('row').filter({ hasText: lastName }).count()).toBe(0);
    await page.getByRole('button', { name: 'Show more' }).click();
    await page.getByRole('row').filter({ hasText: lastName }).waitFor();
    await page.getByRole('button', { name: 'Show more' }).waitFor({ state: 'detached' });
    expect(await page.getByRole('row').count()).toBe(eligible.length + 1);
    await page.context().close();
  });
});
