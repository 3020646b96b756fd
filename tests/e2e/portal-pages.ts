import type { TestApp } from '../helpers/app.js';

/** Every page of the portal a member and an admin reach, with the ids of the demo data they show. */
export async function portalPages(app: TestApp): Promise<{ member: string[]; admin: string[] }> {
  const adele = await app.signIn('adele@contoso.example');
  const sub = (await adele.get('/api/subscriptions')).body.items[0].id;
  const profile = (await adele.get('/api/billing-profiles')).body.items[0].id;
  return {
    member: [
      '/',
      '/billing/products',
      '/billing/products/buy',
      `/billing/products/${sub}`,
      '/billing/licenses',
      `/billing/licenses/${sub}`,
      '/billing/bills',
      '/billing/bills?tab=methods',
      '/billing/bills?tab=profiles',
      `/billing/bills/profiles/${profile}`,
      '/nowhere',
    ],
    admin: [
      '/admin',
      '/admin/people',
      '/admin/purchases',
      '/admin/settings',
      '/admin/sign-in',
      '/admin/provisioning',
      '/admin/apps',
      '/admin/webhooks',
      '/admin/audit',
    ],
  };
}
