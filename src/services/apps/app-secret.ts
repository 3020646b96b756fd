import { hashSecret, newSecret } from '../auth/tokens.js';

/** A client secret: shown once; only its SHA-256 and its first characters are kept. */
export function newAppSecret() {
  const secret = newSecret('ssa_');
  return { secret, secretHash: hashSecret(secret), secretHint: secret.slice(0, 7) };
}
