import { useState } from 'react';
import { Button, Dropdown, Field, Option } from '@fluentui/react-components';
import { api } from '../../api';
import type { Answer } from '../../api/types';
import { useT } from '../../i18n';
import { Pane } from '../../components/Pane';
import { TextField, textFieldOf } from '../../components/CardFields';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ROLES, type Invitation, type PersonDetail, type Role } from './types';
import { useChanged } from '../../hooks/useChanged';

export type PaneResult = { text: string; invitation?: (Invitation & { email: string }) | undefined };

const formOf = (person: PersonDetail | null | undefined) => ({
  displayName: person?.displayName ?? '',
  email: person?.email ?? '',
  usageLocation: person?.usageLocation ?? '',
  role: person?.role ?? 'member',
});

/**
 * Add a person (no `person`) or edit one: display name, e-mail, usage location and role, and
 * the actions on their account (block or allow sign-in, reset password, delete).
 */
export function PersonPane({
  person,
  onClose,
  onDone,
}: {
  person: PersonDetail | null | undefined;
  onClose: () => void;
  onDone: (r: PaneResult) => void;
}) {
  const { t, problem } = useT();
  const adding = person === null;
  const [form, setForm] = useState(() => formOf(person));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  if (useChanged(person)) {
    setError(null);
    setForm(formOf(person));
  }

  async function run<T>(action: () => Promise<T>, done: (r: T) => PaneResult) {
    setBusy(true);
    setError(null);
    try {
      onDone(done(await action()));
    } catch (err) {
      setError(problem(err));
    } finally {
      setBusy(false);
      setConfirmDelete(false);
    }
  }

  const body = {
    ...form,
    displayName: form.displayName.trim(),
    email: form.email.trim(),
    usageLocation: form.usageLocation.trim().toUpperCase() || null,
  };
  const save = () =>
    adding
      ? run(
          () => api<Answer<'/api/people', 'post'>>('/api/people', { method: 'POST', body }),
          ({ person: p, invitation: i }) => ({
            text: `${t('ppl.added', { name: p.displayName })} ${!i ? t('ppl.viaProvider', { email: p.email }) : i.emailed ? t('ppl.invitationSent', { email: p.email }) : ''}`,
            invitation: i && !i.emailed ? { ...i, email: p.email } : undefined,
          }),
        )
      : run(
          () => api<PersonDetail>(`/api/people/${person!.id}`, { method: 'PATCH', body }),
          (p) => ({ text: t('ppl.saved', { name: p.displayName }) }),
        );
  const name = person?.displayName ?? '';
  const field = textFieldOf(form, setForm);
  // sign-in is blocked or allowed again, by the one action that changes it now
  const turn = person?.status === 'active' ? 'disable' : 'enable';
  /** one of the account's actions: its request, then what the page tells */
  const action = <T,>(label: string, send: () => Promise<T>, done: (r: T) => PaneResult) => (
    <Button disabled={busy} onClick={() => void run(send, done)}>
      {label}
    </Button>
  );

  return (
    <Pane
      title={adding ? t('ppl.add') : t('ppl.edit', { name })}
      open={person !== undefined}
      onClose={onClose}
      onSubmit={save}
      submitLabel={t('ppl.save')}
      busy={busy}
      error={error}
    >
      <TextField label={t('ppl.field.name')} maxLength={256} {...field('displayName')} />
      <TextField label={t('ppl.field.email')} type="email" maxLength={320} {...field('email')} />
      <TextField label={t('ppl.field.location')} required={false} maxLength={2} {...field('usageLocation')} />
      <Field label={t('ppl.field.role')}>
        <Dropdown
          value={t(`ppl.role.${form.role}`)}
          selectedOptions={[form.role]}
          onOptionSelect={(_, d) => setForm({ ...form, role: d.optionValue as Role })}
        >
          {ROLES.map((r) => (
            <Option key={r} value={r}>
              {t(`ppl.role.${r}`)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {person && (
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
          {action(
            t(`ppl.${turn}`),
            () => api(`/api/people/${person.id}/${turn}`, { method: 'POST' }),
            () => ({ text: t(turn === 'disable' ? 'ppl.disabled' : 'ppl.enabled', { name }) }),
          )}
          {action(
            t('ppl.reset'),
            () => api<Invitation>(`/api/people/${person.id}/reset-password`, { method: 'POST' }),
            (i) => ({
              text: i.emailed ? t('ppl.resetSent', { email: person.email }) : t('ppl.saved', { name }),
              invitation: i.emailed ? undefined : { ...i, email: person.email },
            }),
          )}
          <Button disabled={busy} onClick={() => setConfirmDelete(true)}>
            {t('ppl.delete')}
          </Button>
        </div>
      )}
      <ConfirmDialog
        open={confirmDelete}
        title={t('ppl.delete')}
        text={t('ppl.deleteConfirm', { name })}
        confirmLabel={t('ppl.delete')}
        busy={busy}
        onConfirm={() =>
          void run(
            () => api(`/api/people/${person!.id}`, { method: 'DELETE' }),
            () => ({ text: t('ppl.deleted', { name }) }),
          )
        }
        onCancel={() => setConfirmDelete(false)}
      />
    </Pane>
  );
}
