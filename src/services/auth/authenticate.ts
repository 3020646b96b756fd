import type { Deps } from '../deps.js';
import { useSession, type Authenticated } from '../../db/sessions.js';
import { useApiToken } from '../../db/api-tokens.js';
import { hashSecret } from './tokens.js';
import { SESSION_IDLE_MS } from './sign-in.js';

export type { Authenticated };

/**
 * The credential behind a session cookie or a bearer token, if it is still good: from this
 * server's cache of credentials (see credential-cache.ts) where the caller allows it, else from
 * the database (which refreshes the cache).
 */
export async function authenticate(
  deps: Deps,
  presented: { sessionToken?: string | undefined; bearerToken?: string | undefined },
  opts: { fromCache: boolean },
): Promise<Authenticated | undefined> {
  const now = deps.clock.now();
  const via = presented.bearerToken ? 'token' : presented.sessionToken ? 'session' : undefined;
  if (!via) return undefined;
  const hash = hashSecret((presented.bearerToken ?? presented.sessionToken)!);
  const key = `${via}:${hash.toString('base64')}`;
  const cached = opts.fromCache ? deps.credentials?.get(key, now) : undefined;
  if (cached) return cached;
  const found =
    via === 'token' ? await useApiToken(deps.db, hash, now) : await useSession(deps.db, hash, now, SESSION_IDLE_MS);
  if (!found) return undefined;
  const credential: Authenticated = { ...found, via };
  deps.credentials?.set(key, credential, now);
  return credential;
}
