import { describe, expect, it } from 'vitest';
import { useSignedInApp, codeOf } from '../helpers/app.js';
import { buy, POWER_BI_PRO } from '../helpers/commerce.js';

// The billing countries the forms offer come from the API: exactly the ones billing accepts.
const t = useSignedInApp(['adele']);

describe('the countries we bill to', () => {
  it('lists them for anyone signed in, and nobody else', async () => {
    const res = await t.adele.get('/api/billing/countries');
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      'AT',
      'AU',
      'BE',
      'CA',
      'CH',
      'DE',
      'DK',
      'ES',
      'FI',
      'FR',
      'GB',
      'IE',
      'IT',
      'LU',
      'NL',
      'NO',
      'PL',
      'PT',
      'SE',
      'US',
    ]);
    const anonymous = await fetch(`${t.app.url}/api/billing/countries`);
    expect(anonymous.status).toBe(401);
  });

  it('are the ones a price is quoted and a billing profile saved for; any other is refused', async () => {
    const { items } = (await t.adele.get('/api/billing/countries')).body as { items: string[] };
    for (const country of items) {
      const quote = await t.adele.get(
        `/api/subscriptions/quote?productId=${POWER_BI_PRO}&quantity=1&term=monthly&country=${country}`,
      );
      expect([country, quote.status]).toEqual([country, 200]);
    }
    const { billingProfile } = (await buy(t.adele, { quantity: 1 })).body;
    expect(
      (await t.adele.patch(`/api/billing-profiles/${billingProfile.id}`, { country: items.at(-2) })).body.country,
    ).toBe(items.at(-2));
    for (const country of ['JP', 'BR']) {
      expect(items).not.toContain(country);
      expect(
        codeOf(
          await t.adele.get(
            `/api/subscriptions/quote?productId=${POWER_BI_PRO}&quantity=1&term=monthly&country=${country}`,
          ),
        ),
      ).toBe('unsupported_country');
      expect(codeOf(await t.adele.patch(`/api/billing-profiles/${billingProfile.id}`, { country }))).toBe(
        'unsupported_country',
      );
    }
  });
});
