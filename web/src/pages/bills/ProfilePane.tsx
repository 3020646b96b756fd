import { useState } from 'react';
import { Field, Input } from '@fluentui/react-components';
import { api } from '../../api';
import { useT } from '../../i18n';
import { Pane, type PaneProps } from '../../components/Pane';
import { AddressFields, TextField, textFieldOf, type AddressDraft } from '../../components/CardFields';
import { useOpening } from '../../hooks/useOpening';
import { useSubmit } from '../../hooks/useSubmit';
import type { BillingProfile } from './types';

/** What the pane changes of a profile, as typed. */
interface ProfileEdit {
  name: string;
  address: AddressDraft;
  invoiceEmail: string;
  vatNumber: string;
}
const editOf = (p: BillingProfile): ProfileEdit => ({
  name: p.name,
  address: { line1: p.address.line1, city: p.address.city, postalCode: p.address.postalCode, country: p.country },
  invoiceEmail: p.invoiceEmail ?? '',
  vatNumber: p.vatNumber ?? '',
});

/** The profile's name, sold-to address, invoice email and VAT number; the next invoices show them. */
export function ProfilePane({
  profile,
  onSaved,
  ...pane
}: PaneProps & { profile: BillingProfile; onSaved: () => void }) {
  const { t } = useT();
  const submit = useSubmit();
  const [edit, setEdit] = useState(() => editOf(profile));
  if (useOpening(pane.open)) {
    setEdit(editOf(profile));
    submit.clear();
  }
  const set = (change: Partial<ProfileEdit>) => setEdit({ ...edit, ...change });
  const field = textFieldOf(edit, setEdit, submit.invalid);

  const save = () =>
    void submit.run(async () => {
      const { country, ...rest } = edit.address;
      await api(`/api/billing-profiles/${profile.id}`, {
        method: 'PATCH',
        body: {
          name: edit.name,
          address: { ...profile.address, ...rest },
          country,
          invoiceEmail: edit.invoiceEmail.trim() || null,
          vatNumber: edit.vatNumber.trim() || null,
        },
      });
      onSaved();
    });

  return (
    <Pane
      {...pane}
      title={t('bp.edit')}
      onSubmit={save}
      submitLabel={t('common.save')}
      busy={submit.busy}
      error={submit.error}
    >
      <TextField label={t('buy.profileName')} {...field('name')} />
      <AddressFields value={edit.address} onChange={(address) => set({ address })} errors={submit.invalid} />
      <TextField label={t('bp.invoiceEmail')} required={false} type="email" {...field('invoiceEmail')} />
      <Field label={t('bp.vatNumber')} hint={t('bp.vatNumberHint')}>
        <Input value={edit.vatNumber} onChange={(_, d) => set({ vatNumber: d.value })} />
      </Field>
    </Pane>
  );
}
