import { randomBytes } from 'node:crypto';
import type { Database } from '../db/database.js';
import type { Clock } from '../domain/clock.js';
import { isExpired, validateCard, validateCvc, validateExpiry, type CardBrand } from '../domain/cards.js';
import {
  findSandboxCard,
  findSandboxCharge,
  findSandboxChargeById,
  insertSandboxCard,
  recordSandboxCharge,
  updateSandboxCardExpiry,
  type SandboxCharge,
} from '../db/sandbox-gateway.js';
import type { GatewayCharge, PaymentGateway, TokenizedCard } from './gateway.js';

/** The well-known test cards and how the sandbox answers them; any other valid card succeeds. */
const TEST_CARD_OUTCOMES: Record<string, string> = {
  '4000000000000002': 'card_declined',
  '4000000000009995': 'insufficient_funds',
  '4000000000000069': 'expired_card',
  '4000000000000127': 'incorrect_cvc',
};
// a zero-amount check passes on a card that only fails for want of funds
const FAILS_VERIFICATION = new Set(['card_declined', 'expired_card', 'incorrect_cvc']);

const id = (prefix: string) => prefix + randomBytes(12).toString('hex');

function toCharge(c: SandboxCharge): GatewayCharge {
  return c.status === 'succeeded'
    ? { status: 'succeeded', chargeId: c.id, amount: c.amount, currency: c.currency as 'EUR' }
    : { status: 'failed', chargeId: c.id, failureCode: c.failureCode ?? 'processing_error' };
}

/**
 * A payment processor that behaves like a real one: it keeps its own records, honours
 * idempotency keys, and answers the well-known test card numbers.
 */
export class SandboxGateway implements PaymentGateway {
  constructor(
    private db: Database,
    private clock: Clock,
  ) {}

  async tokenize(card: { number: string; expMonth: number; expYear: number; cvc: string }): Promise<TokenizedCard> {
    const { digits, brand } = validateCard(card, this.clock.now());
    const tokenized = {
      token: id('tok_'),
      brand,
      last4: digits.slice(-4),
      expMonth: card.expMonth,
      expYear: card.expYear,
    };
    await insertSandboxCard(this.db, { ...tokenized, outcome: TEST_CARD_OUTCOMES[digits] ?? 'ok' }, this.clock.now());
    return tokenized;
  }

  async verify(
    token: string,
    update: { cvc?: string | undefined; expMonth?: number | undefined; expYear?: number | undefined } = {},
  ) {
    const card = await findSandboxCard(this.db, token);
    if (!card) return { ok: false as const, failureCode: 'card_declined' };
    const now = this.clock.now();
    if (update.cvc !== undefined) validateCvc(update.cvc, card.brand as CardBrand);
    if (update.expMonth !== undefined || update.expYear !== undefined) {
      const expMonth = update.expMonth ?? card.expMonth;
      const expYear = update.expYear ?? card.expYear;
      validateExpiry(expMonth, expYear, now);
      await updateSandboxCardExpiry(this.db, token, expMonth, expYear);
      card.expMonth = expMonth;
      card.expYear = expYear;
    }
    if (FAILS_VERIFICATION.has(card.outcome)) return { ok: false as const, failureCode: card.outcome };
    if (isExpired(card.expMonth, card.expYear, now)) return { ok: false as const, failureCode: 'expired_card' };
    return { ok: true as const };
  }

  async charge(input: { token: string; amount: number; currency: 'EUR' | 'USD' | 'GBP'; idempotencyKey: string }) {
    const known = await findSandboxCharge(this.db, input.idempotencyKey);
    if (known) return toCharge(known);
    const card = await findSandboxCard(this.db, input.token);
    const now = this.clock.now();
    const failureCode = !card
      ? 'card_declined'
      : card.outcome !== 'ok'
        ? card.outcome
        : isExpired(card.expMonth, card.expYear, now)
          ? 'expired_card'
          : null;
    const recorded = await recordSandboxCharge(
      this.db,
      {
        id: id('ch_'),
        idempotencyKey: input.idempotencyKey,
        kind: 'charge',
        token: input.token,
        refundedChargeId: null,
        amount: input.amount,
        currency: input.currency,
        status: failureCode ? 'failed' : 'succeeded',
        failureCode,
      },
      now,
    );
    return toCharge(recorded);
  }

  async refund(input: { chargeId: string; amount: number; currency: 'EUR' | 'USD' | 'GBP'; idempotencyKey: string }) {
    const known = await findSandboxCharge(this.db, input.idempotencyKey);
    if (known) return toCharge(known);
    const original = await findSandboxChargeById(this.db, input.chargeId);
    const failureCode =
      !original || original.status !== 'succeeded' || original.kind !== 'charge'
        ? 'charge_not_found'
        : original.amount - original.refunded < input.amount
          ? 'refund_exceeds_charge'
          : null;
    const recorded = await recordSandboxCharge(
      this.db,
      {
        id: id('re_'),
        idempotencyKey: input.idempotencyKey,
        kind: 'refund',
        token: null,
        refundedChargeId: input.chargeId,
        amount: input.amount,
        currency: input.currency,
        status: failureCode ? 'failed' : 'succeeded',
        failureCode,
      },
      this.clock.now(),
    );
    return toCharge(recorded);
  }

  async findByIdempotencyKey(idempotencyKey: string) {
    const known = await findSandboxCharge(this.db, idempotencyKey);
    return known && toCharge(known);
  }
}
