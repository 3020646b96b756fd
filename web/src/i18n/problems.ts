import type { IntlShape } from 'react-intl';
import { ApiError, type Problem } from '../api';

/** The form field a request's property is typed in: its label's message id. */
const FIELD_LABELS: Record<string, string> = {
  number: 'buy.cardNumber',
  expMonth: 'buy.expMonth',
  expYear: 'buy.expYear',
  cvc: 'buy.cvc',
  nameOnCard: 'buy.nameOnCard',
  line1: 'buy.line1',
  city: 'buy.city',
  postalCode: 'buy.postalCode',
  country: 'buy.country',
  name: 'buy.profileName',
  quantity: 'buy.quantity',
  total: 'sub.total',
  from: 'inv.from',
  to: 'inv.to',
  invoiceEmail: 'bp.invoiceEmail',
  feedback: 'cancel.feedback',
};

/** Refusals about one field, by code: shown under that field. */
const CODE_FIELDS: Record<string, string> = {
  invalid_card_number: 'number',
  invalid_expiry_date: 'expMonth',
  expired_card: 'expYear',
  invalid_cvc: 'cvc',
  incorrect_cvc: 'cvc',
  unsupported_country: 'country',
};

type Invalid = NonNullable<Problem['errors']>[number];

/** A validation error as a field and what is wrong with it, from the JSON Schema validator's English. */
function reading(e: Invalid): { field: string; kind: 'required' | 'date' | 'format' | 'range' | 'other' } {
  const missing = /required property '([^']+)'/.exec(e.message)?.[1];
  const field = missing ?? e.path.split('/').filter(Boolean).at(-1) ?? '';
  if (missing) return { field, kind: 'required' };
  if (/must match (pattern|format)/.test(e.message))
    return { field, kind: field === 'from' || field === 'to' ? 'date' : 'format' };
  if (/must be [<>]=?|must NOT have (more|fewer)/.test(e.message)) return { field, kind: 'range' };
  return { field, kind: 'other' };
}

const labelOf = (intl: IntlShape, field: string) =>
  FIELD_LABELS[field] && intl.messages[FIELD_LABELS[field]] ? intl.formatMessage({ id: FIELD_LABELS[field] }) : field;

const errorsOf = (err: unknown): Invalid[] => (err instanceof ApiError ? (err.problem.errors ?? []) : []);

/** Each invalid field's message in the reader's language, by the field's name in the request. */
export function fieldErrorsOf(intl: IntlShape, err: unknown, whole: (err: unknown) => string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errorsOf(err)) {
    const { field, kind } = reading(e);
    out[field] ??= intl.formatMessage({ id: `invalid.${kind}` });
  }
  if (err instanceof ApiError && CODE_FIELDS[err.code]) out[CODE_FIELDS[err.code]!] = whole(err);
  return out;
}

/** A validation failure in words: "From: choose a date." for each field named. */
export function validationText(intl: IntlShape, err: unknown): string | null {
  const found = errorsOf(err).map((e) => {
    const { field, kind } = reading(e);
    return intl.formatMessage(
      { id: 'invalid.field' },
      { field: labelOf(intl, field), message: intl.formatMessage({ id: `invalid.${kind}` }) },
    );
  });
  return found.length ? [...new Set(found)].join(' ') : null;
}
