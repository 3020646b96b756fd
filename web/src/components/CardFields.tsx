import { Field, Input, makeStyles, tokens } from '@fluentui/react-components';
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
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, '& > *': { flex: '1 1 9rem', minWidth: 0 } },
});

export function CardFields({ value, onChange }: { value: CardDraft; onChange: (c: CardDraft) => void }) {
  const { t } = useT();
  const styles = useFieldRowStyles();
  const set = (k: keyof CardDraft) => (_: unknown, d: { value: string }) => onChange({ ...value, [k]: d.value });
  return (
    <>
      <Field label={t('buy.cardNumber')} required>
        <Input inputMode="numeric" autoComplete="cc-number" value={value.number} onChange={set('number')} />
      </Field>
      <div className={styles.row}>
        <Field label={t('buy.expMonth')} required><Input inputMode="numeric" autoComplete="cc-exp-month" placeholder="MM" value={value.expMonth} onChange={set('expMonth')} /></Field>
        <Field label={t('buy.expYear')} required><Input inputMode="numeric" autoComplete="cc-exp-year" placeholder="YYYY" value={value.expYear} onChange={set('expYear')} /></Field>
        <Field label={t('buy.cvc')} required><Input inputMode="numeric" autoComplete="cc-csc" value={value.cvc} onChange={set('cvc')} /></Field>
      </div>
      <Field label={t('buy.nameOnCard')} required>
        <Input autoComplete="cc-name" value={value.nameOnCard} onChange={set('nameOnCard')} />
      </Field>
    </>
  );
}

export function AddressFields({ value, onChange }: { value: AddressDraft; onChange: (a: AddressDraft) => void }) {
  const { t } = useT();
  const styles = useFieldRowStyles();
  const set = (k: keyof AddressDraft) => (_: unknown, d: { value: string }) => onChange({ ...value, [k]: k === 'country' ? d.value.toUpperCase() : d.value });
  return (
    <>
      <Field label={t('buy.line1')} required><Input autoComplete="address-line1" value={value.line1} onChange={set('line1')} /></Field>
      <div className={styles.row}>
        <Field label={t('buy.city')} required><Input autoComplete="address-level2" value={value.city} onChange={set('city')} /></Field>
        <Field label={t('buy.postalCode')} required><Input autoComplete="postal-code" value={value.postalCode} onChange={set('postalCode')} /></Field>
        <Field label={t('buy.country')} required><Input autoComplete="country" maxLength={2} value={value.country} onChange={set('country')} /></Field>
      </div>
    </>
  );
}

/** The card as the API takes it, with its billing address. */
export const cardBody = (c: CardDraft, address: AddressDraft) => ({
  number: c.number, expMonth: Number(c.expMonth), expYear: Number(c.expYear), cvc: c.cvc, nameOnCard: c.nameOnCard,
  address: { line1: address.line1, city: address.city, postalCode: address.postalCode, country: address.country },
});
