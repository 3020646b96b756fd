import type { Deps } from '../deps.js';
import { AppError } from '../../domain/errors.js';
import { findOpenInvitation, useInvitation } from '../../db/invitations.js';
import { setPasswordHash } from '../../db/people.js';
import { hashPassword } from '../auth/passwords.js';
import { hashSecret } from '../auth/tokens.js';
import { openSession } from '../auth/sign-in.js';
import { recordPersonEvent } from './person-changes.js';

const invalid = () =>
  new AppError('invitation_invalid', 'This link has expired or was used already. Ask your admin for a new one.');

/** Whom a link is for, so the page can greet them before they choose a password. */
export async function describeInvitation(deps: Deps, token: string) {
  const found = await findOpenInvitation(deps.db, hashSecret(token), deps.clock.now());
  if (!found) throw invalid();
  const { person, organizationName, purpose } = found;
  return { email: person.email, displayName: person.displayName, organizationName, purpose };
}

/** Sets the person's password from a one-time link and signs them in; the link then stops working. */
export async function acceptInvitation(deps: Deps, input: { token: string; password: string }) {
  const passwordHash = await hashPassword(input.password);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const found = await useInvitation(tx, hashSecret(input.token), now);
    if (!found) throw invalid();
    const { person } = found;
    await setPasswordHash(tx, person.orgId, person.id, passwordHash);
    await recordPersonEvent(tx, now, person, { actorId: person.id, via: found.purpose }, 'person.password_set');
    return { ...(await openSession(tx, now, person, found.purpose)), person };
  });
}
