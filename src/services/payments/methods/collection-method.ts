import type { Deps } from '../../deps.js';
import type { AppError } from '../../../domain/errors.js';
import type { Currency } from '../../../domain/money.js';
import type { PaymentLabel } from '../../../domain/payment-methods.js';
import type { PaymentMethod } from '../../../db/payment-methods.js';
import type { GatewayCharge } from '../../../gateway/gateway.js';

/** What a saved payment method keeps of the details given: the provider's token stands for the rest. */
export type SavedDetails = Pick<PaymentMethod, 'method' | 'gatewayToken' | 'brand' | 'last4' | 'expMonth' | 'expYear'>;

/**
 * One way to pay, behind which its provider sits (Medusa's payment providers are the model).
 * The money protocol (services/payments/operation.ts) records, names and finishes every movement
 * whatever the method; a method only talks to its provider. None of these is called inside a
 * database transaction: a provider is an external service. Every movement carries an idempotency
 * key, and the same key never moves money twice.
 */
export interface CollectionMethod<Details, Edit> {
  /** Validates new details with the provider before anything is saved. */
  save(deps: Deps, details: Details): Promise<SavedDetails>;
  /** Checks an edit of saved details with the provider again. */
  checkEdit(deps: Deps, saved: PaymentMethod, edit: Edit): Promise<void>;
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
  /** How invoices, credit notes and quotes name the method that paid. */
  describe(saved: Pick<PaymentMethod, 'brand' | 'last4'>): PaymentLabel;
  /** The refusal the payer sees when the provider failed a movement (`failureCode`: its reason). */
  refusal(failureCode: string): AppError;
}
