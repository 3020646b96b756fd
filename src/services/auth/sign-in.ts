import type { Deps } from '../deps.js';
import type { Queryable } from '../../db/database.js';
import { AppError } from '../../domain/errors.js';
import { findPeopleByEmailForSignIn, type Person } from '../../db/people.js';
import { insertSession } from '../../db/sessions.js';
import { recordAudit } from '../../db/audit.js';
import { decoyHash, verifyPassword } from './passwords.js';
import { hashSecret, newSecret } from './tokens.js';
import { signedIn, takeSignInAttempt } from './sign-in-throttle.js';

export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_ABSOLUTE_MS = 12 * 3_600_000;

const invalidCredentials = () => new AppError('invalid_credentials', 'The email or password is incorrect.');

/**
 * Checks the password and opens a new session (a new id at every sign-in). An unknown email, a
 * disabled account and a wrong password answer the same, after the same work: one Argon2 check
 * per person of that email (against a decoy when there is none, or no password), whatever their
 * state. Repeated attempts are throttled. `verify` is the check itself (tests count its calls).
 */
export async function signIn(
  deps: Deps,
  input: { email: string; password: string; clientAddress: string },
  verify: (passwordHash: string, password: string) => Promise<boolean> = verifyPassword,
): Promise<{ token: string; csrfToken: string; person: Person }> {
  const email = input.email.trim().toLowerCase();
  const keys = { email, clientAddress: input.clientAddress };
  await takeSignInAttempt(deps.db, deps.clock.now(), keys);

  const candidates = await findPeopleByEmailForSignIn(deps.db, email);
  let person: Person | undefined;
  for (const c of candidates.length > 0 ? candidates : [undefined]) {
    const matches = await verify(c?.passwordHash ?? (await decoyHash()), input.password);
    if (matches && c?.status === 'active' && !person) {
      const { passwordHash: _, ...rest } = c;
      person = rest;
    }
  }
  if (!person) throw invalidCredentials();
  await signedIn(deps.db, keys);
  return { ...(await deps.db.transaction((tx) => openSession(tx, deps.clock.now(), person))), person };
}

/**
 * A new session for a person who proved who they are (password, invitation link, single
 * sign-on), in the caller's transaction; `via` is recorded in the audit event.
 */
export async function openSession(
  tx: Queryable,
  now: Date,
  person: Person,
  via?: string,
): Promise<{ token: string; csrfToken: string }> {
  const token = newSecret();
  const csrfToken = newSecret();
  const sessionId = await insertSession(tx, {
    orgId: person.orgId,
    personId: person.id,
    tokenHash: hashSecret(token),
    csrfToken,
    now,
    expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
  });
  await recordAudit(tx, now, {
    orgId: person.orgId,
    actorId: person.id,
    action: 'session.created',
    objectType: 'session',
    objectId: sessionId,
    ...(via ? { details: { via } } : {}),
  });
  return { token, csrfToken };
}
