import type { Deps } from '../deps.js';
import type { Currency } from '../../domain/money.js';
import { AppError } from '../../domain/errors.js';
import { isUniqueViolation, type Queryable } from '../../db/database.js';
import { insertOrganization } from '../../db/organizations.js';
import { insertPeople } from '../../db/people.js';
import { recordAudit } from '../../db/audit.js';
import { foldForSearch } from '../../domain/search.js';
import { emailInvitation, issueInvitation } from '../people/invitations.js';

export interface NewOrganization {
  name: string;
  country: string;
  currency: Currency;
  /** three capital letters that start its invoice numbers; from the name when not given */
  invoicePrefix?: string;
  admin: { email: string; displayName: string };
}

/** "Contoso Ltd" gives CON; a name with fewer letters is padded with X. */
export const invoicePrefixFor = (name: string) =>
  (
    foldForSearch(name)
      .toUpperCase()
      .replace(/[^A-Z]/g, '') + 'XXX'
  ).slice(0, 3);

/**
 * The operator creates an organization with its first admin, who gets a one-time invitation
 * link by e-mail (also returned, for the operator to hand over when there is no mail server).
 */
export async function createOrganization(deps: Deps, input: NewOrganization, baseUrl: string) {
  const now = deps.clock.now();
  const { organization, admin, invitation } = await deps.db
    .transaction(async (tx) => {
      const { organization, admin } = await insertOrganizationWithAdmin(tx, input, now);
      const invitation = await issueInvitation(
        tx,
        now,
        { orgId: organization.id, personId: admin.id, purpose: 'invitation', createdBy: null },
        baseUrl,
      );
      return { organization, admin, invitation };
    })
    .catch((err: unknown) => {
      if (isUniqueViolation(err)) throw new AppError('conflict', 'This organization was created already.');
      throw err;
    });
  const emailed = await emailInvitation(deps, admin, organization.name, 'invitation', invitation);
  return { ...organization, admin, invitation: { ...invitation, emailed } };
}

/** The organization and its first admin, each audited as the operator's doing. */
async function insertOrganizationWithAdmin(tx: Queryable, input: NewOrganization, now: Date) {
  const organization = await insertOrganization(tx, {
    name: input.name.trim(),
    country: input.country,
    currency: input.currency,
    invoicePrefix: input.invoicePrefix ?? invoicePrefixFor(input.name),
  });
  const [admin] = await insertPeople(tx, organization.id, [
    {
      displayName: input.admin.displayName.trim(),
      email: input.admin.email.trim(),
      role: 'admin',
      usageLocation: input.country,
    },
  ]);
  await recordAudit(tx, now, {
    orgId: organization.id,
    actorId: null,
    action: 'organization.created',
    objectType: 'organization',
    objectId: organization.id,
    details: { by: 'operator', name: organization.name },
  });
  await recordAudit(tx, now, {
    orgId: organization.id,
    actorId: null,
    action: 'person.created',
    objectType: 'person',
    objectId: admin!.id,
    details: { by: 'operator', email: admin!.email, role: 'admin' },
  });
  return { organization, admin: admin! };
}
