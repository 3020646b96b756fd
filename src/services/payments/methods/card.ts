import type { Address } from '../../../db/payment-methods.js';
import { declined, expiresSoon, type CardDetails } from '../../../domain/cards.js';
import { AppError } from '../../../domain/errors.js';
import type { CollectionMethod } from './collection-method.js';

export type NewCard = CardDetails & { nameOnCard: string; address: Address };
export interface CardEdit {
  cvc?: string | undefined;
  expMonth?: number | undefined;
  expYear?: number | undefined;
  nameOnCard?: string | undefined;
}

/** What its owner sees of a saved card beyond its name: its expiry (warned 30 days ahead) and the name on it. */
export interface ShownCard {
  expMonth: number;
  expYear: number;
  nameOnCard: string;
  expiresSoon: boolean;
}

/**
 * Cards, through the payment gateway. A new card is tokenized and verified with a zero-amount
 * check; afterwards only the token, brand, last four digits and expiry exist on our side.
 */
export const card: CollectionMethod<{
  type: 'card';
  input: 'card';
  details: NewCard;
  edit: CardEdit;
  shown: ShownCard;
}> = {
  input: 'card',
  async save(deps, details) {
    const tokenized = await deps.gateway.tokenize(details);
    const check = await deps.gateway.verify(tokenized.token);
    if (!check.ok) throw declined(check.failureCode);
    const { token, ...shown } = tokenized;
    return { method: 'card', gatewayToken: token, ...shown, nameOnCard: details.nameOnCard, address: details.address };
  },
  /** A new expiry or security code is checked with the gateway again; the code itself goes no further. */
  async edit(deps, saved, { cvc, expMonth, expYear, nameOnCard }) {
    if ((expMonth === undefined) !== (expYear === undefined)) {
      throw new AppError('invalid_expiry_date', 'Give both the expiration month and year.');
    }
    if (cvc !== undefined || expMonth !== undefined) {
      const check = await deps.gateway.verify(saved.gatewayToken, { cvc, expMonth, expYear });
      if (!check.ok) throw declined(check.failureCode);
    }
    return { expMonth, expYear, nameOnCard };
  },
  show: ({ expMonth, expYear, nameOnCard }, now) => ({
    expMonth,
    expYear,
    nameOnCard,
    expiresSoon: expiresSoon(expMonth, expYear, now),
  }),
  collect: (deps, { source, ...c }) => deps.gateway.charge({ ...c, token: source }),
  refund: (deps, r) => deps.gateway.refund(r),
  lookup: (deps, idempotencyKey) => deps.gateway.findByIdempotencyKey(idempotencyKey),
  describe: ({ brand, last4 }) => ({ brand, last4 }),
  wording: {
    fr: { paidBy: 'par carte', refundedTo: 'sur la carte' },
    en: { paidBy: 'by card', refundedTo: 'to card' },
  },
  refusal: declined,
};
