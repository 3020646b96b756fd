import { useEffect, useState, type SubmitEvent } from 'react';
import { Button, Field, Input, Text, Title2 } from '@fluentui/react-components';
import { api } from '../../api';
import type { Answer } from '../../api/types';
import { useT } from '../../i18n';
import { NoticeBar } from '../../components/NoticeBar';

type Invited = Answer<'/api/invitations/lookup', 'post'>;

/** The API's shortest password. */
const MIN_LENGTH = 10;

/** The new password, typed twice: the same field both times. */
function NewPassword({ label, value, onChange }: { label: string; value: string; onChange: (v: string) => void }) {
  return (
    <Field label={label} required>
      <Input
        type="password"
        autoComplete="new-password"
        minLength={MIN_LENGTH}
        value={value}
        onChange={(_, d) => onChange(d.value)}
      />
    </Field>
  );
}

/** The one-time link's page: its secret is in the fragment, never sent to a server or a log. */
export function Invitation() {
  const { t, problem } = useT();
  const token = window.location.hash.slice(1);
  const [invited, setInvited] = useState<Invited | null>(null);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api<Invited>('/api/invitations/lookup', { method: 'POST', body: { token } }).then(setInvited, (err: unknown) =>
      setError(problem(err)),
    );
  }, [token, problem]);

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    if (password !== confirm) return setError(t('invite.mismatch'));
    setBusy(true);
    setError(null);
    try {
      await api('/api/invitations/accept', { method: 'POST', body: { token, password } });
      window.location.assign('/');
    } catch (err) {
      setError(problem(err));
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} style={{ display: 'contents' }}>
      <Title2 as="h1">{t(invited?.purpose === 'password_reset' ? 'invite.resetTitle' : 'invite.title')}</Title2>
      {error && <NoticeBar intent="error">{error}</NoticeBar>}
      {invited && (
        <>
          <Text>
            {t('invite.intro', {
              organization: invited.organizationName,
              name: invited.displayName,
              email: invited.email,
            })}
          </Text>
          <NewPassword label={t('invite.newPassword')} value={password} onChange={setPassword} />
          <NewPassword label={t('invite.confirm')} value={confirm} onChange={setConfirm} />
          <Button appearance="primary" type="submit" disabled={busy || password.length < MIN_LENGTH}>
            {t('invite.submit')}
          </Button>
        </>
      )}
    </form>
  );
}
