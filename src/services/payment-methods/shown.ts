import type { PaymentMethod } from '../../db/payment-methods.js';
import { methodOf, shownDetailsOf } from '../payments/methods/index.js';

/**
 * A saved payment method as a subscription shows it: masked, never the token; named as invoices
 * name it, with its own way to pay's details under that way's member.
 */
export const summary = (pm: PaymentMethod, now: Date) => ({
  id: pm.id,
  type: pm.method,
  ...methodOf(pm.method).describe(pm),
  ...shownDetailsOf(pm, now),
});

/** A saved payment method as its owner sees it in their list: its summary and its address. */
export const masked = (pm: PaymentMethod, now: Date) => ({ ...summary(pm, now), address: pm.address });
