import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { AppError } from '../../domain/errors.js';
import { setPasswordHash } from '../../db/people.js';
import { revokeAllCredentials } from '../../db/sessions.js';
import { findOrganization } from '../../db/organizations.js';
import { recordAuditBy } from '../audit.js';
import { requireUserAdmin } from './access.js';
import { personToChange } from './guards.js';
import { emailInvitation, issueInvitation } from './invitations.js';
import { signsInWithProvider } from '../sso/signs-in-with-provider.js';

/**
 * An admin resets the password of a person who signs in with one: the old password and the
 * person's sessions stop at once, and a one-time link to choose a new one is e-mailed to them
 * (and returned, for the admin to hand over when there is no mail server).
 */
export async function resetPassword(deps: Deps, { actor, id, baseUrl }: { actor: Actor; id: string; baseUrl: string }) {
  requireUserAdmin(actor);
  const now = deps.clock.now();
  const { person, invitation } = await deps.db.transaction(async (tx) => {
    const person = await personToChange(tx, actor, id);
    if (await signsInWithProvider(tx, actor.orgId, person.email)) {
      throw new AppError(
        'uses_single_sign_on',
        `${person.displayName} signs in with your identity provider: reset the password there.`,
      );
    }
    if (person.status !== 'active')
      throw new AppError('person_disabled', `${person.displayName} is disabled: enable them first.`);
    await setPasswordHash(tx, actor.orgId, id, null);
    await revokeAllCredentials(tx, actor.orgId, id, now);
    await recordAuditBy(tx, now, actor, {
      action: 'person.password_reset',
      objectType: 'person',
      objectId: id,
    });
    const invitation = await issueInvitation(
      tx,
      now,
      { orgId: actor.orgId, personId: id, purpose: 'password_reset', createdBy: actor.personId },
      baseUrl,
    );
    return { person, invitation };
  });
  const organization = await findOrganization(deps.db, actor.orgId);
  return {
    ...invitation,
    emailed: await emailInvitation(deps, person, organization!.name, 'password_reset', invitation),
  };
}
