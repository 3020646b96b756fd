/** Where providers send people back: one address for every organization (the state says which). */
export const redirectUriFor = (publicUrl: string) => `${publicUrl}/api/sso/callback`;
