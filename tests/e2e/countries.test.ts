import { describe, expect, it } from 'vitest';
import { signedInPage, useAppAndBrowser } from '../helpers/browser.js';

// "Countries come from a list in the reader's language": the billing countries the API lists
// (those billing accepts), named in the reader's language; the one chosen is the one saved.
const ctx = useAppAndBrowser();

const L = {
  'fr-FR': {
    bills: 'Factures et paiements',
    profiles: 'Profils de facturation',
    edit: 'Modifier le profil de facturation',
    country: 'Pays ou région',
    save: 'Enregistrer',
    saved: 'Le profil de facturation a été enregistré',
  },
  'en-US': {
    bills: 'Bills & payments',
    profiles: 'Billing profiles',
    edit: 'Edit billing profile',
    country: 'Country or region',
    save: 'Save',
    saved: 'The billing profile was saved',
  },
};

describe('billing countries', () => {
  for (const [locale, who, profile, chosen, code] of [
    ['fr-FR', 'megan@contoso.example', 'Megan Bowen', 'Suisse', 'CH'],
    ['en-US', 'joni@fabrikam.example', 'Joni Sherman', 'Canada', 'CA'],
  ] as const) {
    it(`are the API's, named in ${locale}; the one chosen is saved`, async () => {
      const l = L[locale];
      const page = await signedInPage(ctx.browser, ctx.app.url, who, locale);
      const { items } = (await (await page.request.get('/api/billing/countries')).json()) as { items: string[] };
      const names = new Intl.DisplayNames([locale], { type: 'region' });
      await page.getByRole('navigation').getByRole('link', { name: l.bills }).click();
      await page.getByRole('tab', { name: l.profiles }).click();
      await page.getByRole('link', { name: profile }).first().click();
      await page.getByRole('button', { name: l.edit }).click();
      let pane = page.getByRole('dialog');
      const country = pane.getByRole('combobox', { name: l.country });
      await country.click();
      const options = page.getByRole('option');
      await options.first().waitFor();
      // the list opens under the field, not beside the pane
      const [field, list] = await Promise.all([country.boundingBox(), page.getByRole('listbox').boundingBox()]);
      expect(list!.x).toBeGreaterThanOrEqual(field!.x - 1);
      expect(list!.y).toBeGreaterThan(field!.y);
      expect((await options.allTextContents()).sort()).toEqual(items.map((c) => names.of(c)).sort());
      await page.getByRole('option', { name: chosen }).click();
      await pane.getByRole('button', { name: l.save }).click();
      await page.getByText(l.saved).waitFor();
      const profiles = (await (await page.request.get('/api/billing-profiles')).json()) as {
        items: { name: string; country: string }[];
      };
      expect(profiles.items.find((p) => p.name === profile)?.country).toBe(code);
      await page.getByRole('button', { name: l.edit }).click();
      pane = page.getByRole('dialog');
      expect(await pane.getByRole('combobox', { name: l.country }).inputValue()).toBe(chosen);
      await page.context().close();
    });
  }
});
