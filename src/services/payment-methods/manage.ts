import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { expiresSoon } from '../../domain/cards.js';
import { AppError, forbidden, notFound } from '../../domain/errors.js';
import { canWrite } from '../../domain/roles.js';
import {
  countLiveSubscriptionsPaidWith, deletePaymentMethod, findPaymentMethod, insertPaymentMethod, listPaymentMethods, lockPaymentMethod, updatePaymentMethod,
  type Address, type PaymentMethod,
} from '../../db/payment-methods.js';
import { recordAudit } from '../../db/audit.js';
import { card as cards, type NewCard } from '../payments/methods/card.js';

export type { NewCard };

/** A card as shown: masked, never the token. */
export const masked = (pm: PaymentMethod, now: Date) => ({
  id: pm.id, brand: pm.brand, last4: pm.last4, expMonth: pm.expMonth, expYear: pm.expYear, nameOnCard: pm.nameOnCard, address: pm.address,
  expiresSoon: expiresSoon(pm.expMonth, pm.expYear, now),
});

function requireWriter(actor: Actor) {
  if (!canWrite(actor.role)) throw forbidden('read_only', 'Your role can read but not change anything.');
}

async function own(deps: Deps, actor: Actor, id: string): Promise<PaymentMethod> {
  const pm = await findPaymentMethod(deps.db, actor.orgId, actor.personId, id);
  if (!pm) throw notFound('The payment method');
  return pm;
}

export async function listMyPaymentMethods(deps: Deps, actor: Actor) {
  const now = deps.clock.now();
  return { items: (await listPaymentMethods(deps.db, actor.orgId, actor.personId)).map((pm) => masked(pm, now)) };
}

/** Saves a new card once the gateway has tokenized and verified it. */
export async function addCard(deps: Deps, actor: Actor, card: NewCard): Promise<PaymentMethod> {
  requireWriter(actor);
  const saved = await cards.save(deps, card);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const pm = await insertPaymentMethod(tx, {
      orgId: actor.orgId, ownerId: actor.personId, ...saved, nameOnCard: card.nameOnCard, address: card.address,
    }, now);
    await recordAudit(tx, now, { orgId: actor.orgId, actorId: actor.personId, action: 'payment_method.added', objectType: 'payment_method', objectId: pm.id, details: { brand: pm.brand, last4: pm.last4 } });
    return pm;
  });
}

export async function addPaymentMethod(deps: Deps, actor: Actor, card: NewCard) {
  return masked(await addCard(deps, actor, card), deps.clock.now());
}

/**
 * The guide's "Modifier": security code, expiry, name on card, address. A new expiry or
 * security code is checked with the gateway again; the code itself goes no further.
 */
export async function editPaymentMethod(deps: Deps, actor: Actor, id: string, c: { cvc?: string; expMonth?: number; expYear?: number; nameOnCard?: string; address?: Address }) {
  requireWriter(actor);
  const pm = await own(deps, actor, id);
  if ((c.expMonth === undefined) !== (c.expYear === undefined)) {
    throw new AppError('invalid_expiry_date', 'Give both the expiration month and year.');
  }
  await cards.checkEdit(deps, pm, { cvc: c.cvc, expMonth: c.expMonth, expYear: c.expYear });
  const now = deps.clock.now();
  const updated = await deps.db.transaction(async (tx) => {
    const row = await updatePaymentMethod(tx, actor.orgId, id, { expMonth: c.expMonth, expYear: c.expYear, nameOnCard: c.nameOnCard, address: c.address }, now);
    await recordAudit(tx, now, { orgId: actor.orgId, actorId: actor.personId, action: 'payment_method.updated', objectType: 'payment_method', objectId: id,
      details: { fields: Object.keys(c).filter((k) => k !== 'cvc') } });
    return row;
  });
  return masked(updated, now);
}

export async function removePaymentMethod(deps: Deps, actor: Actor, id: string) {
  requireWriter(actor);
  await own(deps, actor, id);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    // locked, no profile can take the card until it is gone; removed meanwhile, it is not found
    if (!(await lockPaymentMethod(tx, actor.orgId, actor.personId, id, 'update'))) throw notFound('The payment method');
    const live = await countLiveSubscriptionsPaidWith(tx, actor.orgId, id);
    if (live > 0) {
      throw new AppError('payment_method_in_use', `This card pays for ${live} subscriptions: replace it in their billing profile first.`, { subscriptions: live });
    }
    await deletePaymentMethod(tx, actor.orgId, id, now);
    await recordAudit(tx, now, { orgId: actor.orgId, actorId: actor.personId, action: 'payment_method.removed', objectType: 'payment_method', objectId: id });
  });
}
