import { useState } from 'react';
import { Field, Input } from '@fluentui/react-components';
import { api } from '../../api';
import { useT } from '../../i18n';
import { Pane } from '../../components/Pane';
import { AddressFields, TextField, type AddressDraft, type FieldErrors } from '../../components/CardFields';
import type { BillingProfile } from './types';
import { useOpening } from '../../hooks/useOpening';

/** The profile's name, sold-to address, invoice email and VAT number; the next invoices show them. */
export function ProfilePane({ profile, open, onClose, onSaved }: { profile: BillingProfile; open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t, problem, fieldErrors } = useT();
  const [invalid, setInvalid] = useState<FieldErrors>({});
  const [name, setName] = useState('');
  const [address, setAddress] = useState<AddressDraft>({ line1: '', city: '', postalCode: '', country: '' });
  const [email, setEmail] = useState('');
  const [vatNumber, setVatNumber] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (useOpening(open)) {
    setName(profile.name);
    setAddress({ line1: profile.address.line1, city: profile.address.city, postalCode: profile.address.postalCode, country: profile.country });
    setEmail(profile.invoiceEmail ?? '');
    setVatNumber(profile.vatNumber ?? '');
    setError(null);
    setInvalid({});
  }

  async function save() {
    setBusy(true);
    setError(null);
    try {
      const { country, ...rest } = address;
      await api(`/api/billing-profiles/${profile.id}`, {
        method: 'PATCH', body: { name, address: { ...profile.address, ...rest }, country, invoiceEmail: email.trim() || null, vatNumber: vatNumber.trim() || null },
      });
      onSaved();
    } catch (err) {
      setError(problem(err));
      setInvalid(fieldErrors(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Pane title={t('bp.edit')} open={open} onClose={onClose} onSubmit={save} submitLabel={t('common.save')} busy={busy} error={error}>
      <TextField label={t('buy.profileName')} value={name} onChange={(_, d) => setName(d.value)} error={invalid.name} />
      <AddressFields value={address} onChange={setAddress} errors={invalid} />
      <TextField label={t('bp.invoiceEmail')} required={false} type="email" value={email} onChange={(_, d) => setEmail(d.value)} error={invalid.invoiceEmail} />
      <Field label={t('bp.vatNumber')} hint={t('bp.vatNumberHint')}><Input value={vatNumber} onChange={(_, d) => setVatNumber(d.value)} /></Field>
    </Pane>
  );
}
