import type { Queryable } from '../../db/database.js';
import { isUniqueViolation } from '../../db/database.js';
import { lockPerson, updatePerson, type PersonChanges, type PersonRecord } from '../../db/people.js';
import { recordAudit } from '../../db/audit.js';
import { ScimError, scimUser, type ScimUserFields } from '../../domain/scim.js';
import { disablePersonTx } from '../people/disable-person.js';
import { enablePersonTx } from '../people/enable-person.js';
import { viaScim, type ScimCaller } from './authenticate.js';

/** A SCIM User as the API answers it. */
export const userResource = (p: PersonRecord, caller: ScimCaller) => scimUser(p, `${caller.baseUrl}/Users/${p.id}`);

/** A taken userName or externalId, in SCIM's terms. */
export function uniqueness(err: unknown): never {
  if (isUniqueViolation(err, 'people_email_key'))
    throw new ScimError(409, 'uniqueness', 'A user with this userName (e-mail) exists already.');
  if (isUniqueViolation(err, 'people_external_id_key'))
    throw new ScimError(409, 'uniqueness', 'A user with this externalId exists already.');
  throw err;
}

/**
 * Writes what a SCIM User says onto the person, in the caller's transaction: only what
 * changed, audited; `active` disables (sessions and tokens end) or enables them.
 */
export async function writeUser(
  tx: Queryable,
  now: Date,
  caller: ScimCaller,
  person: PersonRecord,
  fields: ScimUserFields,
): Promise<PersonRecord> {
  const wanted: PersonChanges = {
    displayName: fields.displayName,
    email: fields.email,
    usageLocation: fields.usageLocation,
    externalId: fields.externalId,
  };
  const changes = Object.fromEntries(
    Object.entries(wanted).filter(([k, v]) => person[k as keyof PersonRecord] !== v),
  ) as PersonChanges;
  const attributesChanged = JSON.stringify(person.scimAttributes) !== JSON.stringify(fields.attributes);
  if (Object.keys(changes).length > 0 || attributesChanged) {
    await updatePerson(tx, caller.orgId, person.id, { ...changes, scimAttributes: fields.attributes }, now).catch(
      uniqueness,
    );
    await recordAudit(tx, now, {
      orgId: caller.orgId,
      actorId: null,
      action: 'person.updated',
      objectType: 'person',
      objectId: person.id,
      details: {
        ...viaScim(caller),
        ...Object.fromEntries(
          Object.entries(changes).map(([k, v]: [string, unknown]) => [
            k,
            { from: person[k as keyof PersonRecord], to: v },
          ]),
        ),
      },
    });
  }
  if (fields.active && person.status === 'disabled') await enablePersonTx(tx, now, person, null, 'scim');
  if (!fields.active && person.status === 'active') await disablePersonTx(tx, now, person, null, 'scim');
  return (await lockPerson(tx, caller.orgId, person.id))!;
}
