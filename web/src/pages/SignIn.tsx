import { useState, type FormEvent } from 'react';
import { Button, Card, Field, Input, MessageBar, MessageBarBody, Title2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useT } from '../i18n';
import { useSession } from '../session';
import { LanguageSwitch } from '../layout/LanguageSwitch';

const useStyles = makeStyles({
  page: { minHeight: '100vh', display: 'grid', placeItems: 'center', backgroundColor: tokens.colorNeutralBackground2 },
  card: { width: '360px', padding: tokens.spacingHorizontalXXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export default function SignIn() {
  const styles = useStyles();
  const { t, problem } = useT();
  const { signIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(email, password);
    } catch (err) {
      setError(problem(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className={styles.page}>
      <Card className={styles.card}>
        <form onSubmit={submit} style={{ display: 'contents' }}>
          <Title2 as="h1">{t('signin.title')}</Title2>
          {error && <MessageBar intent="error"><MessageBarBody>{error}</MessageBarBody></MessageBar>}
          <Field label={t('signin.email')} required>
            <Input type="email" autoComplete="username" value={email} onChange={(_, d) => setEmail(d.value)} />
          </Field>
          <Field label={t('signin.password')} required>
            <Input type="password" autoComplete="current-password" value={password} onChange={(_, d) => setPassword(d.value)} />
          </Field>
          <Button appearance="primary" type="submit" disabled={busy}>{t('signin.submit')}</Button>
          <Text size={200}>{t('signin.demo')}</Text>
          <LanguageSwitch />
        </form>
      </Card>
    </main>
  );
}
