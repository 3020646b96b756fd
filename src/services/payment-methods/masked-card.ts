import { expiresSoon } from '../../domain/cards.js';
import type { PaymentMethod } from '../../db/payment-methods.js';

/**
 * A saved payment method as shown: masked, never the token. The answer is a card's (brand,
 * expiry, name on card, the 30-day warning): a way to pay without them makes them nullable here
 * and in the API's `PaymentMethod`.
 */
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
