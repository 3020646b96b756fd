import type * as oidc from 'openid-client';

/** The discovery documents and signing keys of the providers lately used, by issuer: one per server. */
export type ProviderCache = Map<string, { at: number; metadata: oidc.ServerMetadata; jwks?: oidc.ExportedJWKSCache }>;
