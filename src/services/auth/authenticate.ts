import type { Deps } from '../deps.js';
import { useSession, type Credential } from '../../db/sessions.js';
import { useApiToken } from '../../db/api-tokens.js';
import { hashSecret } from './tokens.js';
import { SESSION_IDLE_MS } from './sign-in.js';

export type Authenticated = Credential & { via: 'session' | 'token' };

/** The credential behind a session cookie or a bearer token, if it is still good. */
export async function authenticate(
  deps: Deps,
  presented: { sessionToken?: string; bearerToken?: string },
): Promise<Authenticated | undefined> {
  const now = deps.clock.now();
  if (presented.bearerToken) {
    const c = await useApiToken(deps.db, hashSecret(presented.bearerToken), now);
    return c && { ...c, via: 'token' };
  }
  if (presented.sessionToken) {
    const c = await useSession(deps.db, hashSecret(presented.sessionToken), now, SESSION_IDLE_MS);
    return c && { ...c, via: 'session' };
  }
  return undefined;
}
