import type { CardBrand, CardDetails } from '../domain/cards.js';
import type { Currency } from '../domain/money.js';

export interface TokenizedCard {
  token: string;
  brand: CardBrand;
  last4: string;
  expMonth: number;
  expYear: number;
}

export type GatewayCharge =
  | { status: 'succeeded'; chargeId: string; amount: number; currency: Currency }
  | { status: 'failed'; chargeId: string; failureCode: string };

/**
 * A payment processor. Every money-moving call carries an idempotency key: calling again with
 * the same key returns the first outcome and never moves money twice. Never called inside a
 * database transaction: it stands for an external service.
 */
export interface PaymentGateway {
  /** Validates and tokenizes a card; the number and security code go no further. */
  tokenize(card: CardDetails): Promise<TokenizedCard>;
  /** A zero-amount check of a tokenized card, optionally with a new security code or expiry. */
  verify(
    token: string,
    update?: { cvc?: string | undefined; expMonth?: number | undefined; expYear?: number | undefined },
  ): Promise<{ ok: true } | { ok: false; failureCode: string }>;
  charge(input: { token: string; amount: number; currency: Currency; idempotencyKey: string }): Promise<GatewayCharge>;
  refund(input: {
    chargeId: string;
    amount: number;
    currency: Currency;
    idempotencyKey: string;
  }): Promise<GatewayCharge>;
  /** What the gateway knows of a charge or refund made with this key (reconciliation). */
  findByIdempotencyKey(idempotencyKey: string): Promise<GatewayCharge | undefined>;
}
