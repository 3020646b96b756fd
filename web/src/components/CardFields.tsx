import { Field, Input, makeStyles, tokens, type InputProps } from '@fluentui/react-components';
import { CountryField } from './CountryField';
import { useT } from '../i18n';

/** A card as typed: sent to our API once, tokenized there by the gateway, never kept in the browser. */
export interface CardDraft {
  number: string;
  expMonth: string;
  expYear: string;
  cvc: string;
  nameOnCard: string;
}
export const emptyCard: CardDraft = { number: '', expMonth: '', expYear: '', cvc: '', nameOnCard: '' };

export interface AddressDraft {
  line1: string;
  city: string;
  postalCode: string;
  country: string;
}

export const useFieldRowStyles = makeStyles({
  // side by side while they fit, one under the other in a narrow pane: nothing is pushed past the edge
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    '& > *': { flex: '1 1 9rem', minWidth: 0 },
  },
});

/** The message to show under each field, by its name in the request (see useT().fieldErrors). */
export type FieldErrors = Record<string, string | undefined>;

/** One labelled input of a card or address form, its error (from the API) under it. */
export function TextField({
  label,
  error,
  required = true,
  hint,
  ...input
}: InputProps & { label: string; error?: string | undefined; hint?: string }) {
  return (
    <Field
      label={label}
      required={required}
      hint={hint ?? null}
      validationState={error ? 'error' : 'none'}
      validationMessage={error ?? null}
    >
      <Input {...input} />
    </Field>
  );
}

/** A draft's fields that hold typed text. */
type TextKey<T> = { [K in keyof T]: T[K] extends string ? K : never }[keyof T];

/**
 * What ties a draft's text field to a TextField: its value, its change and the API's message
 * about it (the request names the field as the draft does).
 */
export const textFieldOf =
  <T,>(value: T, onChange: (v: T) => void, errors: FieldErrors = {}) =>
  (k: TextKey<T>) => ({
    value: value[k] as string,
    error: errors[k as string],
    onChange: (_: unknown, d: { value: string }) => onChange({ ...value, [k]: d.value }),
  });

/** The props of a part of a form that edits one draft. */
interface DraftProps<T> {
  value: T;
  onChange: (v: T) => void;
  errors?: FieldErrors;
}

type TextFieldBinding = ReturnType<ReturnType<typeof textFieldOf>>;

/** A card's expiry as printed on it, the month then the year in full, each as the browser fills it in. */
const EXPIRY = [
  { key: 'expMonth', autoComplete: 'cc-exp-month', placeholder: 'MM' },
  { key: 'expYear', autoComplete: 'cc-exp-year', placeholder: 'YYYY' },
] as const;

export function ExpiryFields({ field }: { field: (k: (typeof EXPIRY)[number]['key']) => TextFieldBinding }) {
  const { t } = useT();
  return (
    <>
      {EXPIRY.map(({ key, autoComplete, placeholder }) => (
        <TextField
          key={key}
          label={t(`buy.${key}`)}
          inputMode="numeric"
          autoComplete={autoComplete}
          placeholder={placeholder}
          {...field(key)}
        />
      ))}
    </>
  );
}

export function CardFields({ value, onChange, errors = {} }: DraftProps<CardDraft>) {
  const { t } = useT();
  const styles = useFieldRowStyles();
  const field = textFieldOf(value, onChange, errors);
  return (
    <>
      <TextField label={t('buy.cardNumber')} inputMode="numeric" autoComplete="cc-number" {...field('number')} />
      <div className={styles.row}>
        <ExpiryFields field={field} />
        <TextField label={t('buy.cvc')} inputMode="numeric" autoComplete="cc-csc" {...field('cvc')} />
      </div>
      <TextField label={t('buy.nameOnCard')} autoComplete="cc-name" {...field('nameOnCard')} />
    </>
  );
}

export function AddressFields({ value, onChange, errors = {} }: DraftProps<AddressDraft>) {
  const { t } = useT();
  const styles = useFieldRowStyles();
  const field = textFieldOf(value, onChange, errors);
  return (
    <>
      <TextField label={t('buy.line1')} autoComplete="address-line1" {...field('line1')} />
      <div className={styles.row}>
        <TextField label={t('buy.city')} autoComplete="address-level2" {...field('city')} />
        <TextField label={t('buy.postalCode')} autoComplete="postal-code" {...field('postalCode')} />
      </div>
      <CountryField
        value={value.country}
        error={errors.country}
        onChange={(country) => onChange({ ...value, country })}
      />
    </>
  );
}

/** The card as the API takes it, with its billing address. */
export const cardBody = (c: CardDraft, address: AddressDraft) => ({
  number: c.number,
  expMonth: Number(c.expMonth),
  expYear: Number(c.expYear),
  cvc: c.cvc,
  nameOnCard: c.nameOnCard,
  address: { line1: address.line1, city: address.city, postalCode: address.postalCode, country: address.country },
});
