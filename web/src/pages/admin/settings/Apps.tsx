import { useState, type SubmitEvent } from 'react';
import {
  Button, Checkbox, Field, Input, MessageBar, MessageBarBody, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text,
} from '@fluentui/react-components';
import { api } from '../../../api';
import type { Answer, Item } from '../../../api/types';
import { useT } from '../../../i18n';
import { useSession } from '../../../session';
import { useApi } from '../../../useApi';
import { PageHeader } from '../../../components/PageHeader';
import { TableFrame } from '../../../components/TableFrame';
import { SettingsTabs } from './SettingsTabs';

const ROLES = ['User.Read.All', 'LicenseAssignment.ReadWrite.All', 'Organization.Read.All', 'User.ReadWrite.All'] as const;
const COLUMNS = ['app.name', 'app.clientId', 'app.permissions', 'app.owner', 'app.created', 'app.lastUsed', 'app.actions'];
type App = Item<'/api/admin/apps'>;
type Credentials = Answer<'/api/admin/apps', 'post'>;

/** Settings > Apps: client credentials for daemons using the Graph-compatible API (secret shown once, rotate, revoke). */
export default function Apps() {
  const { t, problem, date } = useT();
  const { me } = useSession();
  const canChange = me?.person.role === 'admin';
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
    void run(async () => {
      const credentials = await api<Credentials>('/api/admin/apps', { method: 'POST', body: { name, roles } });
      setShown({ text: t('app.secretOnce'), credentials });
      setName('');
    });
  };
  const rotate = (a: App) => run(async () => {
    const credentials = await api<Credentials>(`/api/admin/apps/${a.id}/secret`, { method: 'POST' });
    setShown({ text: t('app.rotated', { name: a.name }), credentials });
  });
  const revoke = (a: App) => run(async () => {
    await api(`/api/admin/apps/${a.id}`, { method: 'DELETE' });
    setMessage({ intent: 'success', text: t('app.revoked', { name: a.name }) });
  });

  return (
    <>
      <PageHeader title={`${t('set.title')} › ${t('app.tab')}`} />
      <SettingsTabs />
      <Text block style={{ marginBottom: 12, maxWidth: 760 }}>{t('app.intro')}</Text>
      {message && <MessageBar intent={message.intent} style={{ marginBottom: 12 }}><MessageBarBody>{message.text}</MessageBarBody></MessageBar>}
      {shown && (
        <MessageBar intent="success" style={{ marginBottom: 12 }}>
          <MessageBarBody>
            {shown.text}
            {([['app.clientId', shown.credentials.clientId], ['app.tenantId', shown.credentials.tenantId], ['app.authorityHost', shown.credentials.authorityHost],
              ['app.secret', shown.credentials.clientSecret]] as const).map(([label, value]) => (
              <Field key={label} label={t(label)} style={{ maxWidth: 560 }}><Input readOnly value={value} /></Field>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
      {!apps.data && !apps.error && <Spinner label={t('common.loading')} />}
      {apps.error ? <MessageBar intent="error"><MessageBarBody>{problem(apps.error)}</MessageBarBody></MessageBar> : null}
      {apps.data && apps.data.items.length === 0 && <Text block>{t('app.none')}</Text>}
      {apps.data && apps.data.items.length > 0 && (
        <TableFrame label={t('app.list')}>
          <Table aria-label={t('app.list')}>
            <TableHeader>
              <TableRow>
                {COLUMNS.map((c) => <TableHeaderCell key={c}>{t(c)}</TableHeaderCell>)}
              </TableRow>
            </TableHeader>
            <TableBody>
              {apps.data.items.map((a) => (
                <TableRow key={a.id}>
                  <TableCell>{a.name}</TableCell>
                  <TableCell><Text font="monospace">{a.clientId}</Text></TableCell>
                  <TableCell>{a.roles.join(', ')}</TableCell>
                  <TableCell>{a.owner.displayName}</TableCell>
                  <TableCell>{date(a.createdAt)}</TableCell>
                  <TableCell>{a.lastUsedAt ? date(a.lastUsedAt) : t('app.never')}</TableCell>
                  <TableCell>
                    {canChange && (
                      <div style={{ display: 'flex', gap: 8 }}>
                        {([['app.rotate', rotate], ['app.revoke', revoke]] as const).map(([label, act]) => (
                          <Button key={label} size="small" aria-label={`${t(label)} ${a.name}`} onClick={() => void act(a)}>{t(label)}</Button>
                        ))}
                      </div>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableFrame>
      )}
      {canChange && (
        <form onSubmit={register} style={{ display: 'flex', flexDirection: 'column', gap: 8, marginTop: 16, maxWidth: 560 }}>
          <Field label={t('app.name')}><Input value={name} maxLength={100} placeholder="License robot" onChange={(_, d) => setName(d.value)} /></Field>
          {/* a group, not a Field: a Field gives its one control its label and id */}
          <div role="group" aria-labelledby="app-permissions" style={{ display: 'flex', flexDirection: 'column' }}>
            <Text id="app-permissions" weight="semibold">{t('app.permissions')}</Text>
            {ROLES.map((r) => (
              <Checkbox key={r} label={t(`app.role.${r}`)} checked={roles.includes(r)}
                onChange={(_, d) => setRoles((now) => (d.checked ? [...now, r] : now.filter((x) => x !== r)))} />
            ))}
          </div>
          <div><Button appearance="primary" type="submit" disabled={!name.trim() || roles.length === 0}>{t('app.register')}</Button></div>
        </form>
      )}
    </>
  );
}
