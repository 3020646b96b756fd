import { useState } from 'react';
import { Radio, RadioGroup, Text } from '@fluentui/react-components';
import { api } from '../../api';
import { useT } from '../../i18n';
import { useApi } from '../../useApi';
import { Pane, type PaneProps } from '../../components/Pane';
import {
  AddressFields,
  CardFields,
  cardBody,
  emptyCard,
  ExpiryFields,
  textFieldOf,
  TextField,
  useFieldRowStyles,
  type AddressDraft,
  type CardDraft,
  type FieldErrors,
} from '../../components/CardFields';
import { useCardLabel } from '../../components/labels';
import { useOpening } from '../../hooks/useOpening';
import { useSubmit } from '../../hooks/useSubmit';
import type { PaymentMethod } from './types';

const noAddress: AddressDraft = { line1: '', city: '', postalCode: '', country: 'FR' };
const addressOf = (a: PaymentMethod['address']): AddressDraft => ({
  line1: a.line1,
  city: a.city,
  postalCode: a.postalCode,
  country: a.country,
});

export { useCardLabel };

/** What can change on a saved card (not its number), as typed. */
interface CardEdit {
  cvc: string;
  expMonth: string;
  expYear: string;
  nameOnCard: string;
  address: AddressDraft;
}
const noEdit: CardEdit = { cvc: '', expMonth: '', expYear: '', nameOnCard: '', address: noAddress };
const editOf = ({ card, address }: PaymentMethod): CardEdit => ({
  cvc: '',
  expMonth: card ? String(card.expMonth) : '',
  expYear: card ? String(card.expYear) : '',
  nameOnCard: card?.nameOnCard ?? '',
  address: addressOf(address),
});
/** The change as the API takes it: the security code only when typed, the expiry only when changed. */
const patchOf = ({ card }: PaymentMethod, edit: CardEdit) => ({
  address: edit.address,
  card: {
    nameOnCard: edit.nameOnCard,
    ...(edit.cvc ? { cvc: edit.cvc } : {}),
    ...(Number(edit.expMonth) !== card?.expMonth || Number(edit.expYear) !== card.expYear
      ? { expMonth: Number(edit.expMonth), expYear: Number(edit.expYear) }
      : {}),
  },
});

/**
 * An existing card in the right pane; "Modifier" turns it into a form for the security code,
 * expiry, name on card and address, saved with "Enregistrer".
 */
export function EditCardPane({
  card,
  onClose,
  onSaved,
  editOnOpen = false,
}: {
  card: PaymentMethod | null;
  onClose: () => void;
  onSaved: (pm: PaymentMethod) => void;
  editOnOpen?: boolean;
}) {
  const styles = useFieldRowStyles();
  const { t } = useT();
  const label = useCardLabel();
  const submit = useSubmit();
  const [editing, setEditing] = useState(false);
  const [edit, setEdit] = useState(noEdit);
  if (useOpening(card !== null) && card) {
    setEditing(editOnOpen);
    setEdit(editOf(card));
    submit.clear();
  }
  const field = textFieldOf(edit, setEdit, submit.invalid);

  function save() {
    if (!card) return;
    if (!editing) return setEditing(true);
    void submit.run(async () =>
      onSaved(
        await api<PaymentMethod>(`/api/payment-methods/${card.id}`, { method: 'PATCH', body: patchOf(card, edit) }),
      ),
    );
  }

  return (
    <Pane
      title={card ? label(card) : ''}
      open={card !== null}
      onClose={onClose}
      onSubmit={save}
      submitLabel={editing ? t('common.save') : t('pm.edit')}
      busy={submit.busy}
      error={submit.error}
    >
      {card && !editing && (
        <Text>
          {card.address.line1}, {card.address.postalCode} {card.address.city}, {card.address.country}
        </Text>
      )}
      {card && editing && (
        <>
          <div className={styles.row}>
            <ExpiryFields field={field} />
          </div>
          <TextField
            label={t('buy.cvc')}
            required={false}
            hint={t('pm.cvcHint')}
            inputMode="numeric"
            autoComplete="cc-csc"
            {...field('cvc')}
          />
          <TextField label={t('buy.nameOnCard')} {...field('nameOnCard')} />
          <AddressFields
            value={edit.address}
            onChange={(address) => setEdit({ ...edit, address })}
            errors={submit.invalid}
          />
        </>
      )}
    </Pane>
  );
}

/** The new card's form, shared by "Ajouter un mode de paiement", "Remplacer" and "Payer maintenant". */
export function useNewCard() {
  const { fieldErrors } = useT();
  const [card, setCard] = useState<CardDraft>(emptyCard);
  const [address, setAddress] = useState<AddressDraft>(noAddress);
  const [invalid, setInvalid] = useState<FieldErrors>({});
  const reset = () => {
    setCard(emptyCard);
    setAddress(noAddress);
    setInvalid({});
  };
  const fields = (
    <>
      <CardFields value={card} onChange={setCard} errors={invalid} />
      <AddressFields value={address} onChange={setAddress} errors={invalid} />
    </>
  );
  /** a refusal's messages under the fields it is about */
  const failed = (err: unknown) => setInvalid(fieldErrors(err));
  return { body: () => cardBody(card, address), fields, reset, failed };
}

/** "Ajouter un mode de paiement": the card is verified by the gateway, then saved masked. */
export function AddCardPane({ onAdded, ...pane }: PaneProps & { onAdded: (pm: PaymentMethod) => void }) {
  const { t } = useT();
  const form = useNewCard();
  const submit = useSubmit();
  if (useOpening(pane.open)) {
    form.reset();
    submit.clear();
  }
  const add = () =>
    void submit.run(
      async () =>
        onAdded(await api<PaymentMethod>('/api/payment-methods', { method: 'POST', body: { card: form.body() } })),
      form.failed,
    );
  return (
    <Pane
      {...pane}
      title={t('pm.add')}
      onSubmit={add}
      submitLabel={t('pm.addButton')}
      busy={submit.busy}
      error={submit.error}
    >
      {form.fields}
    </Pane>
  );
}

/** "Remplacer": another saved card or a new one becomes the billing profile's payment method. */
export function ReplaceCardPane({
  profileId,
  onReplaced,
  ...pane
}: PaneProps & { profileId: string; onReplaced: () => void }) {
  const { t } = useT();
  const label = useCardLabel();
  const form = useNewCard();
  const submit = useSubmit();
  const cards = useApi<{ items: PaymentMethod[] }>(pane.open ? '/api/payment-methods' : null).data?.items ?? [];
  const [choice, setChoice] = useState('new');
  if (useOpening(pane.open)) {
    form.reset();
    submit.clear();
    setChoice('new');
  }
  const save = () =>
    void submit.run(async () => {
      await api(`/api/billing-profiles/${profileId}/payment-method`, {
        method: 'PUT',
        body: choice === 'new' ? { card: form.body() } : { paymentMethodId: choice },
      });
      onReplaced();
    }, form.failed);
  return (
    <Pane
      {...pane}
      title={t('bp.replaceTitle')}
      onSubmit={save}
      submitLabel={t('common.save')}
      busy={submit.busy}
      error={submit.error}
    >
      <RadioGroup value={choice} onChange={(_, d) => setChoice(d.value)} aria-label={t('bp.paymentMethod')}>
        {cards.map((c) => (
          <Radio key={c.id} value={c.id} label={label(c)} />
        ))}
        <Radio value="new" label={t('buy.newCard')} />
      </RadioGroup>
      {choice === 'new' && form.fields}
    </Pane>
  );
}
