import { useEffect, useState, type SubmitEvent } from 'react';
import { Button, Checkbox, Field, Input, Spinner, Text, Title3 } from '@fluentui/react-components';
import { api, ApiError } from '../../../api';
import type { Answer, Item } from '../../../api/types';
import { useT } from '../../../i18n';
import { useIsAdmin } from '../../../hooks/useMayWrite';
import { useApi } from '../../../useApi';
import { PageHeader } from '../../../components/PageHeader';
import { DataTable } from '../../../components/DataTable';
import { NoticeBar } from '../../../components/NoticeBar';
import { SettingsTabs } from './SettingsTabs';

type Domain = Item<'/api/admin/domains'>;
type Provider = Answer<'/api/admin/identity-provider'>;

/** Settings > Sign-in: the e-mail domains and the OpenID Connect provider. */
export default function SignInSettings() {
  const { t, problem } = useT();
  const canChange = useIsAdmin();
  const domains = useApi<{ items: Domain[] }>('/api/admin/domains');
  const [provider, setProvider] = useState<Provider | null | undefined>(undefined);
  const [form, setForm] = useState({ issuer: '', clientId: '', clientSecret: '', jitProvisioning: false });
  const [newDomain, setNewDomain] = useState('');
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const accept = (p: Provider | null) => {
    setProvider(p);
    setForm({
      issuer: p?.issuer ?? '',
      clientId: p?.clientId ?? '',
      clientSecret: '',
      jitProvisioning: p?.jitProvisioning ?? false,
    });
  };
  useEffect(() => {
    api<Provider>('/api/admin/identity-provider').then(accept, (err: unknown) =>
      err instanceof ApiError && err.status === 404
        ? accept(null)
        : setMessage({ intent: 'error', text: problem(err) }),
    );
  }, [problem]);

  async function act(action: () => Promise<string>) {
    setBusy(true);
    setMessage(null);
    try {
      setMessage({ intent: 'success', text: await action() });
    } catch (err) {
      setMessage({ intent: 'error', text: problem(err) });
    } finally {
      setBusy(false);
    }
  }

  const addDomain = (e: SubmitEvent) => {
    e.preventDefault();
    void act(async () => {
      const d = await api<Domain>('/api/admin/domains', { method: 'POST', body: { domain: newDomain } });
      setNewDomain('');
      domains.reload();
      return `${d.domain}: ${t('set.txt')} ${d.txtRecord.value}`;
    });
  };
  const saveProvider = (e: SubmitEvent) => {
    e.preventDefault();
    void act(async () => {
      const { clientSecret, ...rest } = form;
      accept(
        await api<Provider>('/api/admin/identity-provider', {
          method: 'PUT',
          body: { ...rest, ...(clientSecret ? { clientSecret } : {}) },
        }),
      );
      return t('set.providerSaved');
    });
  };

  /** a button of a domain's row: its request, then the list again and what was done */
  const domainButton = (d: Domain, label: string, method: 'POST' | 'DELETE', path: string, done: string) => (
    <Button
      size="small"
      disabled={busy}
      aria-label={`${label} ${d.domain}`}
      onClick={() =>
        void act(async () => {
          await api(`/api/admin/domains/${encodeURIComponent(d.domain)}${path}`, { method });
          domains.reload();
          return done;
        })
      }
    >
      {label}
    </Button>
  );

  return (
    <>
      <PageHeader title={`${t('set.title')} › ${t('set.signIn')}`} />
      <SettingsTabs />
      {message && (
        <NoticeBar intent={message.intent} style={{ marginBottom: 12 }}>
          {message.text}
        </NoticeBar>
      )}

      <Title3 as="h2">{t('set.domains')}</Title3>
      <Text block style={{ margin: '8px 0 12px' }}>
        {t('set.domainsIntro')}
      </Text>
      {!domains.data && <Spinner label={t('common.loading')} />}
      {domains.data && domains.data.items.length > 0 && (
        <DataTable
          label={t('set.domains')}
          items={domains.data.items}
          rowId={(d) => d.domain}
          columns={[
            { id: 'domain', header: t('set.domain'), sortBy: (d) => d.domain, cell: (d) => d.domain },
            {
              id: 'status',
              header: t('set.domainStatus'),
              sortBy: (d) => Number(d.verified),
              cell: (d) => (d.verified ? t('set.verified') : t('set.notVerified')),
            },
            {
              id: 'txt',
              header: t('set.txt'),
              cell: (d) => <Text font="monospace">{d.verified ? '' : d.txtRecord.value}</Text>,
            },
            {
              id: 'actions',
              header: t('ppl.actions'),
              controls: 'several',
              cell: (d) =>
                canChange && (
                  <>
                    {!d.verified &&
                      domainButton(
                        d,
                        t('set.verify'),
                        'POST',
                        '/verify',
                        t('set.domainVerified', { domain: d.domain }),
                      )}{' '}
                    {domainButton(d, t('set.remove'), 'DELETE', '', `${d.domain} ✓`)}
                  </>
                ),
            },
          ]}
        />
      )}
      {canChange && (
        <form onSubmit={addDomain} style={{ display: 'flex', gap: 8, alignItems: 'end', margin: '12px 0 24px' }}>
          <Field label={t('set.domain')}>
            <Input value={newDomain} onChange={(_, d) => setNewDomain(d.value)} placeholder="contoso.com" />
          </Field>
          <Button type="submit" disabled={busy || !newDomain.trim()}>
            {t('set.addDomain')}
          </Button>
        </form>
      )}

      <Title3 as="h2">{t('set.provider')}</Title3>
      <Text block style={{ margin: '8px 0 12px' }}>
        {t('set.providerIntro')}
      </Text>
      {provider === undefined ? (
        <Spinner label={t('common.loading')} />
      ) : (
        <form onSubmit={saveProvider} style={{ display: 'flex', flexDirection: 'column', gap: 12, maxWidth: 560 }}>
          <Field label={t('set.issuer')} required>
            <Input
              type="url"
              value={form.issuer}
              disabled={!canChange}
              placeholder="https://login.microsoftonline.com/<tenant>/v2.0"
              onChange={(_, d) => setForm({ ...form, issuer: d.value })}
            />
          </Field>
          <Field label={t('set.clientId')} required>
            <Input
              value={form.clientId}
              disabled={!canChange}
              onChange={(_, d) => setForm({ ...form, clientId: d.value })}
            />
          </Field>
          <Field label={t('set.clientSecret')} required={!provider} hint={provider ? t('set.secretKept') : null}>
            <Input
              type="password"
              autoComplete="off"
              value={form.clientSecret}
              disabled={!canChange}
              onChange={(_, d) => setForm({ ...form, clientSecret: d.value })}
            />
          </Field>
          <Checkbox
            label={t('set.jit')}
            checked={form.jitProvisioning}
            disabled={!canChange}
            onChange={(_, d) => setForm({ ...form, jitProvisioning: !!d.checked })}
          />
          {provider && (
            <Field label={t('set.redirectUri')}>
              <Input readOnly value={provider.redirectUri} />
            </Field>
          )}
          {canChange && (
            <div style={{ display: 'flex', gap: 8 }}>
              <Button appearance="primary" type="submit" disabled={busy}>
                {t('set.saveProvider')}
              </Button>
              {provider && (
                <Button
                  disabled={busy}
                  onClick={() =>
                    void act(async () => {
                      await api('/api/admin/identity-provider', { method: 'DELETE' });
                      accept(null);
                      return t('set.disconnected');
                    })
                  }
                >
                  {t('set.disconnect')}
                </Button>
              )}
            </div>
          )}
        </form>
      )}
    </>
  );
}
