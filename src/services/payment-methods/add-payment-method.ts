import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { insertPaymentMethod, type PaymentMethod } from '../../db/payment-methods.js';
import { recordAudit } from '../../db/audit.js';
import { card as cards, type NewCard } from '../payments/methods/card.js';
import { requireWriter } from './access.js';
import { masked } from './masked-card.js';

export type { NewCard };

/** Saves a new card once the gateway has tokenized and verified it. */
export async function addCard(deps: Deps, actor: Actor, card: NewCard): Promise<PaymentMethod> {
  requireWriter(actor);
  const saved = await cards.save(deps, card);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const pm = await insertPaymentMethod(
      tx,
      {
        orgId: actor.orgId,
        ownerId: actor.personId,
        ...saved,
        nameOnCard: card.nameOnCard,
        address: card.address,
      },
      now,
    );
    await recordAudit(tx, now, {
      orgId: actor.orgId,
      actorId: actor.personId,
      action: 'payment_method.added',
      objectType: 'payment_method',
      objectId: pm.id,
      details: { brand: pm.brand, last4: pm.last4 },
    });
    return pm;
  });
}

export async function addPaymentMethod(deps: Deps, actor: Actor, card: NewCard) {
  return masked(await addCard(deps, actor, card), deps.clock.now());
}
