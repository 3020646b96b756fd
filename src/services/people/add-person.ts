import type { Deps } from '../deps.js';
import type { Actor, Role } from '../../domain/roles.js';
import { AppError } from '../../domain/errors.js';
import { isUniqueViolation } from '../../db/database.js';
import { insertPeople, lockPerson } from '../../db/people.js';
import { findOrganization } from '../../db/organizations.js';
import { recordAuditBy } from '../audit.js';
import { requireUserAdmin } from './access.js';
import { emailInvitation, issueInvitation, type IssuedInvitation } from './invitations.js';
import { personView } from './person-view.js';
import { signsInWithProvider } from '../sso/signs-in-with-provider.js';

export const emailTaken = (email: string) =>
  new AppError('email_taken', `Someone in your organization has the address ${email} already.`);

/**
 * An admin adds a person. Unless their address signs in through the organization's identity
 * provider, they get a one-time link to choose a password (e-mailed, and returned for the admin
 * to hand over when there is no mail server).
 */
export async function addPerson(
  deps: Deps,
  {
    actor,
    input,
    baseUrl,
  }: {
    actor: Actor;
    input: { displayName: string; email: string; usageLocation?: string | null; role?: Role };
    /** where the invitation link points */
    baseUrl: string;
  },
) {
  requireUserAdmin(actor);
  const now = deps.clock.now();
  const email = input.email.trim().toLowerCase();
  const sso = await signsInWithProvider(deps.db, actor.orgId, email);
  const { person, invitation } = await deps.db
    .transaction(async (tx) => {
      const [created] = await insertPeople(tx, actor.orgId, [
        { displayName: input.displayName.trim(), email, usageLocation: input.usageLocation, role: input.role },
      ]);
      await recordAuditBy(tx, now, actor, {
        action: 'person.created',
        objectType: 'person',
        objectId: created!.id,
        details: {
          email,
          displayName: created!.displayName,
          role: created!.role,
          usageLocation: created!.usageLocation,
        },
      });
      const invitation: IssuedInvitation | null = sso
        ? null
        : await issueInvitation(
            tx,
            now,
            { orgId: actor.orgId, personId: created!.id, purpose: 'invitation', createdBy: actor.personId },
            baseUrl,
          );
      return { person: (await lockPerson(tx, actor.orgId, created!.id))!, invitation };
    })
    .catch((err: unknown) => {
      if (isUniqueViolation(err, 'people_email_key')) throw emailTaken(email);
      throw err;
    });
  if (!invitation) return { person: personView(person), invitation: null };
  const organization = await findOrganization(deps.db, actor.orgId);
  const emailed = await emailInvitation(deps, person, organization!.name, 'invitation', invitation);
  return { person: personView(person), invitation: { ...invitation, emailed } };
}
