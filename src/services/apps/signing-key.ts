import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import type { Queryable } from '../../db/database.js';
import { findSigningKey, insertSigningKey } from '../../db/apps.js';
import type { Deps } from '../deps.js';

const PURPOSE = 'app_access_tokens';
export const SIGNING_ALG = 'RS256';

export interface Keys {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  publicJwk: JWK;
}

// per database, so that every test server on its own database has its own key
const loaded = new WeakMap<Queryable, Promise<Keys>>();

/**
 * The key that signs app access tokens: made once (RS256, as Entra ID signs) and kept in the
 * database so every server instance signs and verifies with the same one; loaded once per process.
 */
export function signingKeys(deps: Deps): Promise<Keys> {
  let keys = loaded.get(deps.db);
  if (!keys) {
    keys = load(deps).catch((err: unknown) => {
      loaded.delete(deps.db);
      throw err;
    });
    loaded.set(deps.db, keys);
  }
  return keys;
}

async function load(deps: Deps): Promise<Keys> {
  let stored = await findSigningKey(deps.db, PURPOSE);
  if (!stored) {
    const pair = await generateKeyPair(SIGNING_ALG, { extractable: true });
    const publicJwk = await exportJWK(pair.publicKey);
    const kid = await calculateJwkThumbprint(publicJwk);
    await insertSigningKey(
      deps.db,
      PURPOSE,
      { kid, privateJwk: await exportJWK(pair.privateKey), publicJwk },
      deps.clock.now(),
    );
    stored = (await findSigningKey(deps.db, PURPOSE))!;
  }
  const publicJwk: JWK = { ...stored.publicJwk, kid: stored.kid, use: 'sig', alg: SIGNING_ALG };
  return {
    kid: stored.kid,
    privateKey: (await importJWK(stored.privateJwk as JWK, SIGNING_ALG)) as CryptoKey,
    publicKey: (await importJWK(stored.publicJwk as JWK, SIGNING_ALG)) as CryptoKey,
    publicJwk,
  };
}

/** The JSON Web Key Set clients verify our tokens with. */
export async function jwks(deps: Deps): Promise<{ keys: JWK[] }> {
  return { keys: [(await signingKeys(deps)).publicJwk] };
}
