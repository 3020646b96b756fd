/** Entries of the admin area's navigation: a page route and the message id of its label. */
export const navExtensions: { admin: { to: string; label: string }[] } = {
  admin: [
    { to: '/admin', label: 'nav.adminHome' },
    { to: '/admin/people', label: 'nav.adminPeople' },
    { to: '/admin/purchases', label: 'nav.adminPurchases' },
    { to: '/admin/settings', label: 'nav.adminSettings' },
    { to: '/admin/sign-in', label: 'nav.adminSignIn' },
    { to: '/admin/provisioning', label: 'nav.adminProvisioning' },
    { to: '/admin/apps', label: 'nav.adminApps' },
    { to: '/admin/webhooks', label: 'nav.adminWebhooks' },
    { to: '/admin/audit', label: 'nav.adminAudit' },
  ],
};
