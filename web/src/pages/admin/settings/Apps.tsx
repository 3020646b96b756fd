import { useState, type SubmitEvent } from 'react';
import { Button, Checkbox, Field, Input, Text } from '@fluentui/react-components';
import { api } from '../../../api';
import type { Answer, Item } from '../../../api/types';
import { useT } from '../../../i18n';
import { useIsAdmin } from '../../../hooks/useMayWrite';
import { useApi } from '../../../useApi';
import { PageHeader } from '../../../components/PageHeader';
import { dateColumn, textColumn } from '../../../components/DataTable';
import { ListTable } from '../../../components/ListTable';
import { NoticeBar } from '../../../components/NoticeBar';
import { SecretShownOnce } from '../../../components/SecretShownOnce';
import { SettingsTabs } from './SettingsTabs';

const ROLES = [
  'User.Read.All',
  'LicenseAssignment.ReadWrite.All',
  'Organization.Read.All',
  'User.ReadWrite.All',
] as const;
type App = Item<'/api/admin/apps'>;
type Credentials = Answer<'/api/admin/apps', 'post'>;

/** Settings > Apps: client credentials for daemons using the Graph-compatible API (secret shown once, rotate, revoke). */
export default function Apps() {
  const { t, problem } = useT();
  const canChange = useIsAdmin();
  const apps = useApi<{ items: App[] }>('/api/admin/apps');
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<string[]>(['User.Read.All', 'LicenseAssignment.ReadWrite.All']);
  const [shown, setShown] = useState<{ text: string; credentials: Credentials } | null>(null);
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);

  async function run(action: () => Promise<void>) {
    setMessage(null);
    setShown(null);
    try {
      await action();
      apps.reload();
    } catch (err) {
      setMessage({ intent: 'error', text: problem(err) });
    }
  }
  const register = (e: SubmitEvent) => {
    e.preventDefault();
    return run(async () => {
      const credentials = await api<Credentials>('/api/admin/apps', { method: 'POST', body: { name, roles } });
      setShown({ text: t('app.secretOnce'), credentials });
      setName('');
    });
  };
  const rotate = (a: App) =>
    run(async () => {
      const credentials = await api<Credentials>(`/api/admin/apps/${a.id}/secret`, { method: 'POST' });
      setShown({ text: t('app.rotated', { name: a.name }), credentials });
    });
  const revoke = (a: App) =>
    run(async () => {
      await api(`/api/admin/apps/${a.id}`, { method: 'DELETE' });
      setMessage({ intent: 'success', text: t('app.revoked', { name: a.name }) });
    });

  return (
    <>
      <PageHeader title={`${t('set.title')} › ${t('app.tab')}`} />
      <SettingsTabs />
      <Text block style={{ marginBottom: 12, maxWidth: 760 }}>
        {t('app.intro')}
      </Text>
      {message && (
        <NoticeBar intent={message.intent} style={{ marginBottom: 12 }}>
          {message.text}
        </NoticeBar>
      )}
      {shown && (
        <SecretShownOnce
          text={shown.text}
          values={[
            [t('app.clientId'), shown.credentials.clientId],
            [t('app.tenantId'), shown.credentials.tenantId],
            [t('app.authorityHost'), shown.credentials.authorityHost],
            [t('app.secret'), shown.credentials.clientSecret],
          ]}
        />
      )}
      <ListTable
        data={apps.data}
        error={apps.error}
        empty={t('app.none')}
        label={t('app.list')}
        rowId={(a) => a.id}
        columns={[
          textColumn('name', t('app.name'), (a: App) => a.name),
          { id: 'clientId', header: t('app.clientId'), cell: (a) => <Text font="monospace">{a.clientId}</Text> },
          { id: 'permissions', header: t('app.permissions'), cell: (a) => a.roles.join(', ') },
          textColumn('owner', t('app.owner'), (a: App) => a.owner.displayName),
          dateColumn('created', t('app.created'), (a: App) => a.createdAt),
          dateColumn('lastUsed', t('app.lastUsed'), (a: App) => a.lastUsedAt, t('app.never')),
          {
            id: 'actions',
            header: t('app.actions'),
            controls: 'several',
            cell: (a) =>
              canChange && (
                <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
                  {(
                    [
                      ['app.rotate', rotate],
                      ['app.revoke', revoke],
                    ] as const
                  ).map(([label, act]) => (
                    <Button key={label} size="small" aria-label={`${t(label)} ${a.name}`} onClick={() => void act(a)}>
                      {t(label)}
                    </Button>
                  ))}
                </div>
              ),
          },
        ]}
      />
      {canChange && (
        <form
          onSubmit={(e) => void register(e)}
          style={{ display: 'flex', flexDirection: 'column', gap: 8, marginTop: 16, maxWidth: 560 }}
        >
          <Field label={t('app.name')}>
            <Input value={name} maxLength={100} placeholder="License robot" onChange={(_, d) => setName(d.value)} />
          </Field>
          {/* a group, not a Field: a Field gives its one control its label and id */}
          <div role="group" aria-labelledby="app-permissions" style={{ display: 'flex', flexDirection: 'column' }}>
            <Text id="app-permissions" weight="semibold">
              {t('app.permissions')}
            </Text>
            {ROLES.map((r) => (
              <Checkbox
                key={r}
                label={t(`app.role.${r}`)}
                checked={roles.includes(r)}
                onChange={(_, d) => setRoles((now) => (d.checked ? [...now, r] : now.filter((x) => x !== r)))}
              />
            ))}
          </div>
          <div>
            <Button appearance="primary" type="submit" disabled={!name.trim() || roles.length === 0}>
              {t('app.register')}
            </Button>
          </div>
        </form>
      )}
    </>
  );
}
