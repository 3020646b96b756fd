import { expiresSoon } from '../../domain/cards.js';
import type { PaymentMethod } from '../../db/payment-methods.js';

/** A card as shown: masked, never the token. */
export const masked = (pm: PaymentMethod, now: Date) => ({
  id: pm.id,
  brand: pm.brand,
  last4: pm.last4,
  expMonth: pm.expMonth,
  expYear: pm.expYear,
  nameOnCard: pm.nameOnCard,
  address: pm.address,
  expiresSoon: expiresSoon(pm.expMonth, pm.expYear, now),
});
