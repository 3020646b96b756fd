/**
 * Every code a refusal can carry, by its kind. A code is a contract with the API's clients:
 * codes are added, never renamed or retired. The kind says what sort of refusal it is; only
 * src/http/errors.ts turns a kind into an HTTP status.
 */
const CATALOG = {
  /** the request itself is malformed or incomplete */
  invalid: [
    'validation_failed',
    'invalid_json',
    'billing_profile_required',
    'client_secret_required',
    'delegated_only',
    'idempotency_key_invalid',
    'idempotency_key_required',
    'invalid_cursor',
    'invalid_date_range',
    'invalid_domain',
    'invalid_license',
    'invalid_service_plan',
    'invalid_vat_number',
    'invalid_webhook_url',
    'invitation_invalid',
    'issuer_not_https',
    'issuer_unreachable',
    'unknown_sku',
    'unsupported_country',
    'unsupported_query',
  ],
  /** no credential, or not a valid one */
  unauthenticated: ['unauthenticated', 'invalid_credentials'],
  /** the payment method refused: its own reason (a card's, as card processors name them) */
  payment_failed: [
    'card_declined',
    'charge_not_found',
    'expired_card',
    'incorrect_cvc',
    'insufficient_funds',
    'invalid_card_number',
    'invalid_cvc',
    'invalid_expiry_date',
    'not_received',
    'processing_error',
    'refund_exceeds_charge',
  ],
  /** the caller may not do this */
  forbidden: [
    'forbidden',
    'admin_only',
    'csrf_token_invalid',
    'not_self_service_eligible',
    'only_trials_allowed',
    'read_only',
    'read_only_for_admins',
    'self_service_disabled',
  ],
  /** no such thing, or not the caller's to see */
  not_found: ['not_found', 'sso_not_configured'],
  /** the current state of things refuses it */
  conflict: [
    'conflict',
    'already_canceled',
    'already_licensed',
    'cannot_change_self',
    'domain_taken',
    'email_taken',
    'idempotency_request_in_progress',
    'insufficient_licenses',
    'invoice_not_due',
    'last_admin',
    'licenses_assigned',
    'payment_in_progress',
    'payment_method_in_use',
    'payment_method_required',
    'person_disabled',
    'product_mismatch',
    'renewal_pending',
    'subscription_deleted',
    'subscription_not_active',
    'subscription_not_expired',
    'subscription_not_inactive',
    'trial_already_used',
    'uses_single_sign_on',
  ],
  /** understood, but a rule refuses it */
  rule_violation: [
    'domain_not_verified',
    'idempotency_key_reused',
    'minimum_one_license',
    'no_trial',
    'not_in_organization',
    'price_unavailable',
    'too_many_users',
    'usage_location_required',
    'webhook_url_not_allowed',
  ],
  /** too many attempts: wait before trying again */
  too_many: ['too_many_attempts'],
  /** a service we depend on did not answer: nothing is lost, retry */
  upstream_failed: ['payment_unconfirmed'],
  /** not possible right now: retry later */
  unavailable: ['dns_unavailable'],
} as const;

export type ErrorKind = keyof typeof CATALOG;
/** The codes of one kind, e.g. `CodeOf<'payment_failed'>`. */
export type CodeOf<K extends ErrorKind> = (typeof CATALOG)[K][number];
export type ErrorCode = CodeOf<ErrorKind>;

export const ERROR_KINDS = Object.keys(CATALOG) as ErrorKind[];
export const codesOf = <K extends ErrorKind>(kind: K): readonly CodeOf<K>[] => CATALOG[kind];

const KIND = new Map<string, ErrorKind>(
  ERROR_KINDS.flatMap((kind) => CATALOG[kind].map((code) => [code, kind] as const)),
);
export const ERROR_CODES = [...KIND.keys()] as ErrorCode[];
export const isErrorCode = (code: string): code is ErrorCode => KIND.has(code);
export const kindOf = (code: ErrorCode): ErrorKind => KIND.get(code)!;

/**
 * A refusal the user can act on, with a stable `code` from the catalog and a detail for people;
 * `extra` members (such as the people concerned) travel with it to the answer.
 */
export class AppError extends Error {
  readonly kind: ErrorKind;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.kind = kindOf(code);
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} was not found.`);
export const forbidden = (code: CodeOf<'forbidden'> = 'forbidden', message = 'You are not allowed to do this.') =>
  new AppError(code, message);
