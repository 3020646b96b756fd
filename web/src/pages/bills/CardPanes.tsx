import { useEffect, useState } from 'react';
import { Radio, RadioGroup, Text } from '@fluentui/react-components';
import { api } from '../../api';
import { useT } from '../../i18n';
import { Pane } from '../../components/Pane';
import {
  AddressFields, CardFields, cardBody, emptyCard, TextField, useFieldRowStyles, type AddressDraft, type CardDraft, type FieldErrors,
} from '../../components/CardFields';
import { useCardLabel } from '../../components/labels';
import type { PaymentMethod } from './types';
import { useChanged } from '../../hooks/useChanged';
import { useOpening } from '../../hooks/useOpening';

const noAddress: AddressDraft = { line1: '', city: '', postalCode: '', country: 'FR' };
const addressOf = (a: PaymentMethod['address']): AddressDraft => ({ line1: a.line1, city: a.city, postalCode: a.postalCode, country: a.country });

export { useCardLabel };

/**
 * An existing card in the right pane; "Modifier" turns it into a form for the security code,
 * expiry, name on card and address, saved with "Enregistrer".
 */
export function EditCardPane({ card, onClose, onSaved, editOnOpen = false }: {
  card: PaymentMethod | null; onClose: () => void; onSaved: (pm: PaymentMethod) => void; editOnOpen?: boolean;
}) {
  const styles = useFieldRowStyles();
  const { t, problem, fieldErrors } = useT();
  const label = useCardLabel();
  const [editing, setEditing] = useState(false);
  const [invalid, setInvalid] = useState<FieldErrors>({});
  const [draft, setDraft] = useState({ cvc: '', expMonth: '', expYear: '', nameOnCard: '' });
  const [address, setAddress] = useState<AddressDraft>(noAddress);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (useChanged(card) && card) {
    setEditing(editOnOpen);
    setError(null);
    setInvalid({});
    setDraft({ cvc: '', expMonth: String(card.expMonth), expYear: String(card.expYear), nameOnCard: card.nameOnCard });
    setAddress(addressOf(card.address));
  }
  const field = (k: keyof typeof draft) => ({ value: draft[k], error: invalid[k], onChange: (_: unknown, d: { value: string }) => setDraft({ ...draft, [k]: d.value }) });

  async function save() {
    if (!card) return;
    if (!editing) return setEditing(true);
    setBusy(true);
    setError(null);
    try {
      const expiryChanged = Number(draft.expMonth) !== card.expMonth || Number(draft.expYear) !== card.expYear;
      onSaved(await api<PaymentMethod>(`/api/payment-methods/${card.id}`, {
        method: 'PATCH',
        body: {
          nameOnCard: draft.nameOnCard, address,
          ...(draft.cvc ? { cvc: draft.cvc } : {}),
          ...(expiryChanged ? { expMonth: Number(draft.expMonth), expYear: Number(draft.expYear) } : {}),
        },
      }));
    } catch (err) {
      setError(problem(err));
      setInvalid(fieldErrors(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Pane title={card ? label(card) : ''} open={card !== null} onClose={onClose} onSubmit={save} submitLabel={editing ? t('common.save') : t('pm.edit')} busy={busy} error={error}>
      {card && !editing && (
        <>
          <Text>{card.address.line1}, {card.address.postalCode} {card.address.city}, {card.address.country}</Text>
        </>
      )}
      {card && editing && (
        <>
          <div className={styles.row}>
            <TextField label={t('buy.expMonth')} inputMode="numeric" {...field('expMonth')} />
            <TextField label={t('buy.expYear')} inputMode="numeric" {...field('expYear')} />
          </div>
          <TextField label={t('buy.cvc')} required={false} hint={t('pm.cvcHint')} inputMode="numeric" autoComplete="cc-csc" {...field('cvc')} />
          <TextField label={t('buy.nameOnCard')} {...field('nameOnCard')} />
          <AddressFields value={address} onChange={setAddress} errors={invalid} />
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
export function AddCardPane({ open, onClose, onAdded }: { open: boolean; onClose: () => void; onAdded: (pm: PaymentMethod) => void }) {
  const { t, problem } = useT();
  const form = useNewCard();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (useOpening(open)) {
    form.reset();
    setError(null);
  }
  async function add() {
    setBusy(true);
    setError(null);
    try {
      onAdded(await api<PaymentMethod>('/api/payment-methods', { method: 'POST', body: { card: form.body() } }));
    } catch (err) {
      setError(problem(err));
      form.failed(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Pane title={t('pm.add')} open={open} onClose={onClose} onSubmit={add} submitLabel={t('pm.addButton')} busy={busy} error={error}>
      {form.fields}
    </Pane>
  );
}

/** "Remplacer": another saved card or a new one becomes the billing profile's payment method. */
export function ReplaceCardPane({ profileId, open, onClose, onReplaced }: { profileId: string; open: boolean; onClose: () => void; onReplaced: () => void }) {
  const { t, problem } = useT();
  const label = useCardLabel();
  const form = useNewCard();
  const [cards, setCards] = useState<PaymentMethod[]>([]);
  const [choice, setChoice] = useState('new');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (useOpening(open)) {
    form.reset();
    setError(null);
    setChoice('new');
  }
  useEffect(() => {
    if (open) api<{ items: PaymentMethod[] }>('/api/payment-methods').then((r) => setCards(r.items), () => setCards([]));
  }, [open]);
  async function save() {
    setBusy(true);
    setError(null);
    try {
      await api(`/api/billing-profiles/${profileId}/payment-method`, { method: 'PUT', body: choice === 'new' ? { card: form.body() } : { paymentMethodId: choice } });
      onReplaced();
    } catch (err) {
      setError(problem(err));
      form.failed(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Pane title={t('bp.replaceTitle')} open={open} onClose={onClose} onSubmit={save} submitLabel={t('common.save')} busy={busy} error={error}>
      <RadioGroup value={choice} onChange={(_, d) => setChoice(d.value)} aria-label={t('bp.paymentMethod')}>
        {cards.map((c) => <Radio key={c.id} value={c.id} label={label(c)} />)}
        <Radio value="new" label={t('buy.newCard')} />
      </RadioGroup>
      {choice === 'new' && form.fields}
    </Pane>
  );
}
