import type { IdentityProvider } from '../../db/identity-providers.js';
import { redirectUriFor } from './redirect-uri.js';

export const view = (p: IdentityProvider, publicUrl: string) => ({
  issuer: p.issuer,
  clientId: p.clientId,
  jitProvisioning: p.jitProvisioning,
  hasClientSecret: true,
  redirectUri: redirectUriFor(publicUrl),
  updatedAt: p.updatedAt,
});
