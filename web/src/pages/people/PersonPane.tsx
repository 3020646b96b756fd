import { useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  Input,
  Option,
} from '@fluentui/react-components';
import { api } from '../../api';
import type { Answer } from '../../api/types';
import { useT } from '../../i18n';
import { Pane } from '../../components/Pane';
import { useReturnFocus } from '../../hooks/useReturnFocus';
import { ROLES, type Invitation, type PersonDetail, type Role } from './types';
import { useChanged } from '../../hooks/useChanged';

export type PaneResult = { text: string; invitation?: (Invitation & { email: string }) | undefined };

/**
 * Add a person (no `person`) or edit one: display name, e-mail, usage location and role, and
 * the actions on their account (block or allow sign-in, reset password, delete).
 */
const formOf = (person: PersonDetail | null | undefined) => ({
  displayName: person?.displayName ?? '',
  email: person?.email ?? '',
  usageLocation: person?.usageLocation ?? '',
  role: person?.role ?? 'member',
});

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
  // the delete dialog opens without a DialogTrigger: closed, it would leave the focus on the page's body
  useReturnFocus(confirmDelete);
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
      <Field label={t('ppl.field.name')} required>
        <Input
          value={form.displayName}
          maxLength={256}
          onChange={(_, d) => setForm({ ...form, displayName: d.value })}
        />
      </Field>
      <Field label={t('ppl.field.email')} required>
        <Input
          type="email"
          value={form.email}
          maxLength={320}
          onChange={(_, d) => setForm({ ...form, email: d.value })}
        />
      </Field>
      <Field label={t('ppl.field.location')}>
        <Input
          value={form.usageLocation}
          maxLength={2}
          onChange={(_, d) => setForm({ ...form, usageLocation: d.value })}
        />
      </Field>
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
          {person.status === 'active' ? (
            <Button
              disabled={busy}
              onClick={() =>
                void run(
                  () => api(`/api/people/${person.id}/disable`, { method: 'POST' }),
                  () => ({ text: t('ppl.disabled', { name }) }),
                )
              }
            >
              {t('ppl.disable')}
            </Button>
          ) : (
            <Button
              disabled={busy}
              onClick={() =>
                void run(
                  () => api(`/api/people/${person.id}/enable`, { method: 'POST' }),
                  () => ({ text: t('ppl.enabled', { name }) }),
                )
              }
            >
              {t('ppl.enable')}
            </Button>
          )}
          <Button
            disabled={busy}
            onClick={() =>
              void run(
                () => api<Invitation>(`/api/people/${person.id}/reset-password`, { method: 'POST' }),
                (i) => ({
                  text: i.emailed ? t('ppl.resetSent', { email: person.email }) : t('ppl.saved', { name }),
                  invitation: i.emailed ? undefined : { ...i, email: person.email },
                }),
              )
            }
          >
            {t('ppl.reset')}
          </Button>
          <Button disabled={busy} onClick={() => setConfirmDelete(true)}>
            {t('ppl.delete')}
          </Button>
        </div>
      )}
      <Dialog open={confirmDelete} onOpenChange={(_, d) => setConfirmDelete(d.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t('ppl.delete')}</DialogTitle>
            <DialogContent>{t('ppl.deleteConfirm', { name })}</DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                disabled={busy}
                onClick={() =>
                  void run(
                    () => api(`/api/people/${person!.id}`, { method: 'DELETE' }),
                    () => ({ text: t('ppl.deleted', { name }) }),
                  )
                }
              >
                {t('ppl.delete')}
              </Button>
              <Button onClick={() => setConfirmDelete(false)}>{t('common.cancel')}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </Pane>
  );
}
