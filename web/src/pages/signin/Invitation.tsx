import { useEffect, useState, type SubmitEvent } from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody, Text, Title2 } from '@fluentui/react-components';
import { api } from '../../api';
import type { Answer } from '../../api/types';
import { useT } from '../../i18n';

type Invited = Answer<'/api/invitations/lookup', 'post'>;

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
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {invited && (
        <>
          <Text>
            {t('invite.intro', {
              organization: invited.organizationName,
              name: invited.displayName,
              email: invited.email,
            })}
          </Text>
          <Field label={t('invite.newPassword')} required>
            <Input
              type="password"
              autoComplete="new-password"
              minLength={10}
              value={password}
              onChange={(_, d) => setPassword(d.value)}
            />
          </Field>
          <Field label={t('invite.confirm')} required>
            <Input
              type="password"
              autoComplete="new-password"
              minLength={10}
              value={confirm}
              onChange={(_, d) => setConfirm(d.value)}
            />
          </Field>
          <Button appearance="primary" type="submit" disabled={busy || password.length < 10}>
            {t('invite.submit')}
          </Button>
        </>
      )}
    </form>
  );
}
