import type { Queryable } from '../../db/database.js';
import { countAttempts, deleteEndedWindows, forgetAttempts, uncountAttempts } from '../../db/sign-in-attempts.js';
import { AppError } from '../../domain/errors.js';
import { hashSecret } from './tokens.js';

export const THROTTLE_WINDOW_MS = 15 * 60_000;
// a person gets five tries; an address (an office behind one NAT) more, across emails
const LIMITS = { email: 5, ip: 30 } as const;

export interface SignInKeys {
  email: string;
  clientAddress: string;
}

const hashes = (k: SignInKeys) => ({ email: hashSecret(`email:${k.email}`), ip: hashSecret(`ip:${k.clientAddress}`) });

/**
 * Counts a sign-in attempt per email and per client address before its password is checked,
 * in the database, so that concurrent guesses and guesses spread over several servers all
 * count: within 15 minutes an email gets 5 checked attempts and an address 30, then 429
 * until the window that filled up has passed. A correct password gives its attempt back
 * (`signedIn`).
 */
export async function takeSignInAttempt(db: Queryable, now: Date, keys: SignInKeys): Promise<void> {
  const h = hashes(keys);
  const windowFrom = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const counts = await countAttempts(db, [h.email, h.ip], now, windowFrom);
  await deleteEndedWindows(db, windowFrom);
  let waitMs = 0;
  for (const c of counts) {
    const limit = h.email.equals(c.keyHash) ? LIMITS.email : LIMITS.ip;
    if (c.attempts > limit)
      waitMs = Math.max(waitMs, new Date(c.windowStart).getTime() + THROTTLE_WINDOW_MS - now.getTime());
  }
  if (waitMs > 0) {
    throw new AppError('too_many_attempts', 'Too many failed sign-in attempts. Try again later.', {
      retryAfterSeconds: Math.ceil(waitMs / 1000),
    });
  }
}

/** The password was right: the email's failures are forgotten and the address gets its attempt back. */
export async function signedIn(db: Queryable, keys: SignInKeys): Promise<void> {
  const h = hashes(keys);
  await forgetAttempts(db, [h.email]);
  await uncountAttempts(db, [h.ip]);
}
