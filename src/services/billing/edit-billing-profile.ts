import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { assertCanChange } from '../../domain/roles.js';
import { AppError } from '../../domain/errors.js';
import { isBillingCountry, updateBillingProfile } from '../../db/billing-profiles.js';
import { recordAuditBy } from '../audit.js';
import { checkVatNumber } from '../../domain/vat-number.js';
import { own } from './access.js';
import { getBillingProfile } from './get-billing-profile.js';

/** The VAT number as stored (normalized), when it has the format of the profile's country. */
function vatNumberOf(country: string, input: string): string {
  const check = checkVatNumber(country, input);
  if (check.ok) return check.vatNumber;
  throw new AppError(
    'invalid_vat_number',
    check.example
      ? `${input} is not a VAT number of ${country}: they look like ${check.example}.`
      : `We do not take VAT numbers for ${country}.`,
    { country, ...(check.example && { example: check.example }) },
  );
}

/** What the owner edits: the profile's fields but its payment method ("Remplacer" changes that). */
export type BillingProfileEdit = Omit<Parameters<typeof updateBillingProfile>[3], 'paymentMethodId'>;

export async function editBillingProfile(
  deps: Deps,
  { actor, id, edit: c }: { actor: Actor; id: string; edit: BillingProfileEdit },
) {
  assertCanChange(actor);
  const bp = await own(deps, actor, id);
  // the country decides the VAT of the next charges: one we do not know would bill none
  if (c.country !== undefined && !(await isBillingCountry(deps.db, c.country))) {
    throw new AppError('unsupported_country', `We cannot bill to ${c.country}.`, { country: c.country });
  }
  // a VAT number belongs to a country: a new one, or the one kept when the country changes, must be of it
  const vatNumber = c.vatNumber === undefined ? (bp.vatNumber ?? null) : c.vatNumber?.trim() || null;
  const change = { ...c, vatNumber: vatNumber && vatNumberOf(c.country ?? bp.country, vatNumber) };
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await updateBillingProfile(tx, actor.orgId, id, change, now);
    await recordAuditBy(tx, now, actor, {
      action: 'billing_profile.updated',
      objectType: 'billing_profile',
      objectId: id,
      details: { fields: Object.keys(c) },
    });
  });
  return getBillingProfile(deps, actor, id);
}
