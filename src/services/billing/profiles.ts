import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { canWrite } from '../../domain/roles.js';
import { AppError, forbidden, notFound } from '../../domain/errors.js';
import {
  findBillingProfile, isBillingCountry, listBillingProfiles, subscriptionsBilledTo, updateBillingProfile, type BillingProfile,
} from '../../db/billing-profiles.js';
import { findPaymentMethod, lockPaymentMethod } from '../../db/payment-methods.js';
import { recordAudit } from '../../db/audit.js';
import { addCard, masked, type NewCard } from '../payment-methods/manage.js';
import { checkVatNumber } from '../../domain/vat-number.js';

async function own(deps: Deps, actor: Actor, id: string): Promise<BillingProfile> {
  const bp = await findBillingProfile(deps.db, actor.orgId, actor.personId, id);
  if (!bp) throw notFound('The billing profile');
  return bp;
}

async function present(deps: Deps, actor: Actor, bp: BillingProfile) {
  const pm = bp.paymentMethodId ? await findPaymentMethod(deps.db, actor.orgId, actor.personId, bp.paymentMethodId) : undefined;
  return {
    id: bp.id, name: bp.name, address: bp.address, country: bp.country, currency: bp.currency, invoiceEmail: bp.invoiceEmail, vatNumber: bp.vatNumber ?? null,
    paymentMethod: pm ? masked(pm, deps.clock.now()) : null,
    subscriptions: await subscriptionsBilledTo(deps.db, actor.orgId, bp.id),
  };
}

export async function listMyBillingProfiles(deps: Deps, actor: Actor) {
  const profiles = await listBillingProfiles(deps.db, actor.orgId, actor.personId);
  return { items: await Promise.all(profiles.map((bp) => present(deps, actor, bp))) };
}

export async function getBillingProfile(deps: Deps, actor: Actor, id: string) {
  return present(deps, actor, await own(deps, actor, id));
}

/** The VAT number as stored (normalized), when it has the format of the profile's country. */
function vatNumberOf(country: string, input: string): string {
  const check = checkVatNumber(country, input);
  if (check.ok) return check.vatNumber;
  throw new AppError('invalid_vat_number', check.example
    ? `${input} is not a VAT number of ${country}: they look like ${check.example}.`
    : `We do not take VAT numbers for ${country}.`, { country, ...(check.example && { example: check.example }) });
}

export async function editBillingProfile(
  deps: Deps, actor: Actor, id: string,
  c: { name?: string; address?: BillingProfile['address']; country?: string; invoiceEmail?: string | null; vatNumber?: string | null },
) {
  if (!canWrite(actor.role)) throw forbidden('read_only', 'Your role can read but not change anything.');
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
    await recordAudit(tx, now, { orgId: actor.orgId, actorId: actor.personId, action: 'billing_profile.updated', objectType: 'billing_profile', objectId: id, details: { fields: Object.keys(c) } });
  });
  return getBillingProfile(deps, actor, id);
}

/** The guide's "Remplacer": another saved card or a new one pays the profile's next charges. */
export async function replacePaymentMethod(deps: Deps, actor: Actor, id: string, input: { paymentMethodId?: string; card?: NewCard }) {
  if (!canWrite(actor.role)) throw forbidden('read_only', 'Your role can read but not change anything.');
  await own(deps, actor, id);
  const pm = input.card
    ? await addCard(deps, actor, input.card)
    : input.paymentMethodId ? await findPaymentMethod(deps.db, actor.orgId, actor.personId, input.paymentMethodId) : undefined;
  if (!pm) throw notFound('The payment method');
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    // a card being removed at this moment is either gone (404) or waits for this one (then in use)
    if (!(await lockPaymentMethod(tx, actor.orgId, actor.personId, pm.id, 'share'))) throw notFound('The payment method');
    await updateBillingProfile(tx, actor.orgId, id, { paymentMethodId: pm.id }, now);
    await recordAudit(tx, now, { orgId: actor.orgId, actorId: actor.personId, action: 'billing_profile.payment_method_replaced', objectType: 'billing_profile', objectId: id, details: { paymentMethodId: pm.id } });
  });
  return getBillingProfile(deps, actor, id);
}
