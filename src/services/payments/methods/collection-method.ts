import type { Deps } from '../../deps.js';
import type { AppError } from '../../../domain/errors.js';
import type { Locale } from '../../../domain/locale.js';
import type { Currency } from '../../../domain/money.js';
import type { MethodType, PaymentLabel } from '../../../domain/payment-methods.js';
import type { NewPaymentMethod, PaymentMethod, PaymentMethodChange } from '../../../db/payment-methods.js';
import type { GatewayCharge } from '../../../gateway/gateway.js';

/**
 * What a way to pay is typed by: its type, the member of a request its new details arrive
 * under (`card`, `bankAccount`), those details, an edit of them, and what its owner is shown
 * of them (under the same member of the answer).
 */
export interface MethodShape {
  type: MethodType;
  input: string;
  details: unknown;
  edit: unknown;
  shown: unknown;
}

/**
 * One way to pay, behind which its provider sits (Medusa's payment providers are the model).
 * The money protocol (services/payments/operation.ts) records, names and finishes every movement
 * whatever the method; a method only talks to its provider. None of these is called inside a
 * database transaction: a provider is an external service. Every movement carries an idempotency
 * key, and the same key never moves money twice.
 */
export interface CollectionMethod<S extends MethodShape = MethodShape> {
  /** The request member its new details arrive under. */
  input: S['input'];
  /** Validates new details with the provider before anything is saved: what to store of them. */
  save(deps: Deps, details: S['details']): Promise<NewPaymentMethod<S['type']>>;
  /** Checks an edit of saved details (with the provider again where it must): what to store of it. */
  edit(
    deps: Deps,
    saved: Extract<PaymentMethod, { method: S['type'] }>,
    edit: S['edit'],
  ): Promise<Omit<PaymentMethodChange, 'address'>>;
  /** What its owner is shown of a saved method's details, beyond its name: never the token. */
  show(saved: Extract<PaymentMethod, { method: S['type'] }>, now: Date): S['shown'];
  /** Collects an amount from `source` (the saved method's token). */
  collect(
    deps: Deps,
    c: { source: string; amount: number; currency: Currency; idempotencyKey: string },
  ): Promise<GatewayCharge>;
  /** Gives back (part of) an amount collected (`chargeId`: the provider's id of it). */
  refund(
    deps: Deps,
    r: { chargeId: string; amount: number; currency: Currency; idempotencyKey: string },
  ): Promise<GatewayCharge>;
  /** What the provider knows of a movement made with this key (reconciliation after a crash). */
  lookup(deps: Deps, idempotencyKey: string): Promise<GatewayCharge | undefined>;
  /** How invoices, credit notes, quotes and the audit name the saved method that paid. */
  describe(saved: NewPaymentMethod<S['type']>): Omit<PaymentLabel, 'method'>;
  /** The words before that name on an invoice paid by it and a credit note refunded to it. */
  wording: Record<Locale, { paidBy: string; refundedTo: string }>;
  /** The refusal the payer sees when the provider failed a movement (`failureCode`: its reason). */
  refusal(failureCode: string): AppError;
}
