/** Microsoft Graph's application permissions an app can be granted: its token's roles. */
export const APP_ROLES = [
  'User.Read.All',
  'User.ReadWrite.All',
  'LicenseAssignment.ReadWrite.All',
  'Organization.Read.All',
] as const;
export type AppRole = (typeof APP_ROLES)[number];

/** The resources a client-credentials token may be asked for ({resource}/.default), besides this portal itself. */
export const GRAPH_RESOURCES = ['https://graph.microsoft.com', '00000003-0000-0000-c000-000000000000'] as const;

/** Access tokens live an hour, as Entra ID's do. */
export const ACCESS_TOKEN_SECONDS = 3599;
