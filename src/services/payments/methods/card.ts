import type { Address } from '../../../db/payment-methods.js';
import { declined, type CardDetails } from '../../../domain/cards.js';
import type { CollectionMethod } from './collection-method.js';

export type NewCard = CardDetails & { nameOnCard: string; address: Address };
export type CardEdit = { cvc?: string | undefined; expMonth?: number | undefined; expYear?: number | undefined };

/**
 * Cards, through the payment gateway. A new card is tokenized and verified with a zero-amount
 * check; afterwards only the token, brand, last four digits and expiry exist on our side.
 */
export const card: CollectionMethod<{ type: 'card'; input: 'card'; details: NewCard; edit: CardEdit }> = {
  input: 'card',
  async save(deps, details) {
    const tokenized = await deps.gateway.tokenize(details);
    const check = await deps.gateway.verify(tokenized.token);
    if (!check.ok) throw declined(check.failureCode);
    const { token, ...shown } = tokenized;
    return { method: 'card', gatewayToken: token, ...shown, nameOnCard: details.nameOnCard, address: details.address };
  },
  async checkEdit(deps, saved, edit) {
    if (edit.cvc === undefined && edit.expMonth === undefined) return;
    const check = await deps.gateway.verify(saved.gatewayToken, edit);
    if (!check.ok) throw declined(check.failureCode);
  },
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
