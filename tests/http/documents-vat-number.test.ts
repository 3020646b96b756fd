import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, codeOf, type TestApp, type Client } from '../helpers/app.js';
import { buy } from '../helpers/commerce.js';

// A billing profile holds the buyer's VAT number, checked against the format of its country.
const engines = process.env.DATABASE_URL ? (['postgres', 'pglite'] as const) : (['pglite'] as const);

describe.each(engines)("the buyer's VAT number on %s", (engine) => {
  let app: TestApp;
  let adele: Client;
  let profile: string;
  beforeAll(async () => {
    app = await startTestApp({ engine });
    adele = await app.signIn('adele@contoso.example');
    profile = (await buy(adele, { quantity: 1, term: 'monthly' })).body.billingProfile.id;
  });
  afterAll(() => app?.close());
  const edit = (body: Record<string, unknown>) => adele.patch(`/api/billing-profiles/${profile}`, body);

  it('keeps a well-formed number of the profile country, normalized as the tax administrations write it', async () => {
    for (const [country, typed, stored] of [
      ['FR', 'fr 40 303 265 045', 'FR40303265045'],
      ['DE', 'DE 136.695.976', 'DE136695976'],
      ['ES', 'es b-12345678', 'ESB12345678'],
      ['AT', 'ATU 1234 5678', 'ATU12345678'],
      ['NL', 'NL 8047.86.476.B01', 'NL804786476B01'],
      ['GB', 'GB 980 7806 84', 'GB980780684'],
      ['CH', 'CHE-116.281.710 MWST', 'CHE116281710MWST'],
      ['NO', 'NO 974 761 076 MVA', 'NO974761076MVA'],
      ['IE', 'IE 6388047V', 'IE6388047V'],
    ]) {
      const res = await edit({ country, vatNumber: typed });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ country, vatNumber: stored });
      expect((await adele.get(`/api/billing-profiles/${profile}`)).body.vatNumber).toBe(stored);
    }
  });

  it("refuses a malformed number with 400 invalid_vat_number, saying what the country's look like", async () => {
    await edit({ country: 'FR', vatNumber: null });
    for (const vatNumber of ['FR123', 'DE40303265045', '40303265045', 'FRIO303265045', '<script>']) {
      const res = await edit({ vatNumber });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body).toMatchObject({ code: 'invalid_vat_number', country: 'FR', example: 'FR12345678901' });
    }
    expect(codeOf(await edit({ country: 'US', vatNumber: 'US123456789' }))).toBe('invalid_vat_number');
    expect((await adele.get(`/api/billing-profiles/${profile}`)).body).toMatchObject({
      country: 'FR',
      vatNumber: null,
    });
  });

  it('a number kept while the country changes must be of the new country; null or empty removes it', async () => {
    expect((await edit({ vatNumber: 'FR40303265045' })).status).toBe(200);
    expect(codeOf(await edit({ country: 'DE' }))).toBe('invalid_vat_number');
    expect((await edit({ country: 'DE', vatNumber: 'DE136695976' })).body).toMatchObject({
      country: 'DE',
      vatNumber: 'DE136695976',
    });
    expect((await edit({ country: 'US', vatNumber: null })).body).toMatchObject({ country: 'US', vatNumber: null });
    expect((await edit({ country: 'FR', vatNumber: 'FR40303265045' })).status).toBe(200);
    expect((await edit({ vatNumber: '' })).body.vatNumber).toBeNull();
  });
});
