import { hash, randomBytes } from 'node:crypto';

/** A random secret for a cookie or bearer token; only its SHA-256 is stored. */
export function newSecret(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** Once per request (the credential cache's key): the one-shot hash, half the cost of createHash. */
export function hashSecret(secret: string): Buffer {
  return hash('sha256', secret, 'buffer');
}
