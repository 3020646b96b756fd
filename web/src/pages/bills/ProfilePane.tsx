import { useEffect, useState } from 'react';
import { Field, Input } from '@fluentui/react-components';
import { api } from '../../api';
import { useT } from '../../i18n';
import { Pane } from '../../components/Pane';
import { AddressFields, type AddressDraft } from '../../components/CardFields';
import type { BillingProfile } from './types';

/** The profile's name, sold-to address and invoice email; the next invoices show them. */
export function ProfilePane({ profile, open, onClose, onSaved }: { profile: BillingProfile; open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t, problem } = useT();
  const [name, setName] = useState('');
  const [address, setAddress] = useState<AddressDraft>({ line1: '', city: '', postalCode: '', country: '' });
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!open) return;
    setName(profile.name);
    setAddress({ line1: profile.address.line1, city: profile.address.city, postalCode: profile.address.postalCode, country: profile.country });
    setEmail(profile.invoiceEmail ?? '');
    setError(null);
  }, [open, profile]);

  async function save() {
    setBusy(true);
    setError(null);
    try {
      const { country, ...rest } = address;
      await api(`/api/billing-profiles/${profile.id}`, {
        method: 'PATCH', body: { name, address: { ...profile.address, ...rest }, country, invoiceEmail: email.trim() || null },
      });
      onSaved();
    } catch (err) {
      setError(problem(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Pane title={t('bp.edit')} open={open} onClose={onClose} onSubmit={save} submitLabel={t('common.save')} busy={busy} error={error}>
      <Field label={t('buy.profileName')} required><Input value={name} onChange={(_, d) => setName(d.value)} /></Field>
      <AddressFields value={address} onChange={setAddress} />
      <Field label={t('bp.invoiceEmail')}><Input type="email" value={email} onChange={(_, d) => setEmail(d.value)} /></Field>
    </Pane>
  );
}
