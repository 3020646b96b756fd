import { useEffect, useRef, useState, type Ref, type SubmitEvent } from 'react';
import {
  Button,
  Card,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  Title2,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { api } from '../api';
import type { Answer } from '../api/types';
import { useT } from '../i18n';
import { useSession } from '../session';
import { LanguageSwitch } from '../layout/LanguageSwitch';
import { Invitation } from './signin/Invitation';

const useStyles = makeStyles({
  page: { minHeight: '100vh', display: 'grid', placeItems: 'center', backgroundColor: tokens.colorNeutralBackground2 },
  card: {
    width: '360px',
    padding: tokens.spacingHorizontalXXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
});

/** Set at sign-out when the person came through their identity provider: offered on this page. */
export const END_SESSION_KEY = 'selfserve.endSessionUrl';
const SSO_ERRORS = [
  'sso_state_invalid',
  'sso_token_invalid',
  'sso_not_provisioned',
  'sso_person_disabled',
  'sso_domain_mismatch',
  'sso_email_unverified',
];

/**
 * E-mail first, like Microsoft's sign-in: an address whose organization signs in through its
 * identity provider goes there; any other is asked for its password next.
 */
function SignInForm() {
  const { t, problem } = useT();
  const { signIn } = useSession();
  const ssoError = new URLSearchParams(window.location.search).get('sso_error');
  const [endSession] = useState(() => sessionStorage.getItem(END_SESSION_KEY));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [step, setStep] = useState<'email' | 'password' | 'redirecting'>('email');
  const [error, setError] = useState<string | null>(
    ssoError ? t(`signin.sso.${SSO_ERRORS.includes(ssoError) ? ssoError : 'other'}`) : null,
  );
  const [busy, setBusy] = useState(false);
  // a refusal is said under the field it concerns, read out at once, and that field takes the focus
  // with its text selected, ready to be typed again (as Microsoft's sign-in does)
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!error) return;
    input.current?.focus();
    input.current?.select();
  }, [error]);
  // Fluent infers its components' ref as never under exactOptionalPropertyTypes (microsoft/fluentui#25993)
  const inputRef = input as Ref<never>;
  const refusal = error ? ({ validationState: 'error', validationMessage: error } as const) : {};
  // the step's one field
  const field = (
    label: string,
    type: 'email' | 'password',
    autoComplete: string,
    value: string,
    set: (value: string) => void,
  ) => (
    <Field label={label} required {...refusal}>
      <Input
        ref={inputRef}
        type={type}
        autoComplete={autoComplete}
        value={value}
        onChange={(_, d) => set(d.value)}
        autoFocus
      />
    </Field>
  );

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    sessionStorage.removeItem(END_SESSION_KEY);
    try {
      if (step === 'email') {
        const found = await api<Answer<'/api/sign-in/discover', 'post'>>('/api/sign-in/discover', {
          method: 'POST',
          body: { email },
        });
        if (found.method === 'sso') {
          setStep('redirecting');
          window.location.assign(found.url!);
          return;
        }
        setStep('password');
      } else {
        await signIn(email, password);
      }
    } catch (err) {
      setError(problem(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} style={{ display: 'contents' }}>
      <Title2 as="h1">{t('signin.title')}</Title2>
      {endSession && (
        <MessageBar intent="info">
          <MessageBarBody>
            {t('signin.signedOut')} <Link href={endSession}>{t('signin.endProviderSession')}</Link>
          </MessageBarBody>
        </MessageBar>
      )}
      {step === 'email' ? (
        field(t('signin.email'), 'email', 'username', email, setEmail)
      ) : (
        <Text weight="semibold">{email}</Text>
      )}
      {step === 'password' && (
        <>
          {field(t('signin.password'), 'password', 'current-password', password, setPassword)}
          <Link
            as="button"
            type="button"
            onClick={() => {
              setStep('email');
              setPassword('');
            }}
          >
            {t('signin.back')}
          </Link>
        </>
      )}
      {step === 'redirecting' ? (
        <Text>{t('signin.redirecting')}</Text>
      ) : (
        <Button appearance="primary" type="submit" disabled={busy}>
          {t(step === 'email' ? 'signin.next' : 'signin.submit')}
        </Button>
      )}
      <Text size={200}>{t('signin.demo')}</Text>
    </form>
  );
}

export default function SignIn() {
  const styles = useStyles();
  return (
    <main className={styles.page}>
      <Card className={styles.card}>
        {window.location.pathname === '/invitation' ? <Invitation /> : <SignInForm />}
        <LanguageSwitch />
      </Card>
    </main>
  );
}
