import type { PaymentMethod } from '../../db/payment-methods.js';
import { methodOf, shownDetailsOf } from '../payments/methods/index.js';

/** A saved payment method by its name alone, as invoices name it. */
export const named = (pm: PaymentMethod) => ({ id: pm.id, type: pm.method, ...methodOf(pm.method).describe(pm) });

/** A saved payment method as its owner sees it: masked, never the token; its own way to pay's details under that way's member. */
export const masked = (pm: PaymentMethod, now: Date) => ({
  ...named(pm),
  address: pm.address,
  ...shownDetailsOf(pm, now),
});
