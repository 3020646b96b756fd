import { lazy } from 'react';

/** The pages, each loaded on first visit so the initial JavaScript stays small. */
export const routes: { path: string; Page: React.ComponentType; admin?: boolean }[] = [
  { path: '/', Page: lazy(() => import('./pages/Home')) },
  { path: '/billing/products', Page: lazy(() => import('./pages/Products')) },
  { path: '/billing/products/buy', Page: lazy(() => import('./pages/products/BuyProduct')) },
  { path: '/billing/products/:id', Page: lazy(() => import('./pages/products/SubscriptionDetails')) },
  { path: '/billing/licenses', Page: lazy(() => import('./pages/Licenses')) },
  { path: '/billing/licenses/:id', Page: lazy(() => import('./pages/licenses/LicenseDetails')) },
  { path: '/billing/bills', Page: lazy(() => import('./pages/BillsPayments')) },
  { path: '/billing/bills/profiles/:id', Page: lazy(() => import('./pages/bills/BillingProfilePage')) },
  { path: '/admin', Page: lazy(() => import('./pages/admin/AdminHome')), admin: true },
  { path: '/admin/purchases', Page: lazy(() => import('./pages/admin/SelfServicePurchases')), admin: true },
  { path: '/admin/settings', Page: lazy(() => import('./pages/admin/SelfServiceSettings')), admin: true },
  { path: '/admin/audit', Page: lazy(() => import('./pages/admin/AuditLog')), admin: true },
  { path: '/admin/people', Page: lazy(() => import('./pages/people/People')), admin: true },
  { path: '/admin/sign-in', Page: lazy(() => import('./pages/admin/settings/SignInSettings')), admin: true },
  { path: '/admin/provisioning', Page: lazy(() => import('./pages/admin/settings/Provisioning')), admin: true },
  { path: '/admin/webhooks', Page: lazy(() => import('./pages/admin/settings/Webhooks')), admin: true },
  { path: '/admin/apps', Page: lazy(() => import('./pages/admin/settings/Apps')), admin: true },
];
