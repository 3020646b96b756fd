import { useState, type SubmitEvent } from 'react';
import {
  Button, Checkbox, Field, Input, MessageBar, MessageBarBody, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text,
} from '@fluentui/react-components';
import { api } from '../../../api';
import type { Answer, Body, Item } from '../../../api/types';
import { useT } from '../../../i18n';
import { useSession } from '../../../session';
import { useApi } from '../../../useApi';
import { PageHeader } from '../../../components/PageHeader';
import { TableFrame } from '../../../components/TableFrame';
import { SettingsTabs } from './SettingsTabs';
import { WebhookDeliveries } from './WebhookDeliveries';

type WebhookEvent = Body<'/api/admin/webhooks', 'post'>['events'][number];
/** The events an endpoint can ask for, in the order shown; as a Record, the compiler checks it is the API's whole list. */
const SHOWN: Record<WebhookEvent, true> = {
  'subscription.created': true, 'subscription.updated': true, 'subscription.canceled': true, 'subscription.renewed': true,
  'subscription.expired': true, 'subscription.disabled': true, 'subscription.deleted': true,
  'license.assigned': true, 'license.unassigned': true,
  'invoice.issued': true, 'invoice.paid': true, 'invoice.due': true,
  'person.created': true, 'person.updated': true, 'person.disabled': true, 'person.deleted': true,
  'policy.updated': true,
};
const WEBHOOK_EVENT_TYPES = Object.keys(SHOWN) as WebhookEvent[];

export type Endpoint = Item<'/api/admin/webhooks'>;
/** After a rotation, the previous secret always has an end. */
type Rotated = Answer<'/api/admin/webhooks/{id}/rotate-secret', 'post'> & { previousSecretExpiresAt: string };

/** Settings > Webhooks: the endpoints that hear about this organization's changes, and what was sent to them. */
export default function Webhooks() {
  const { t, problem, date } = useT();
  const { me } = useSession();
  const canChange = me?.person.role === 'admin';
  const endpoints = useApi<{ items: Endpoint[] }>('/api/admin/webhooks');
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<string[]>([...WEBHOOK_EVENT_TYPES]);
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [logOf, setLogOf] = useState<Endpoint | null>(null);

  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      endpoints.reload();
    } catch (err) {
      setError(problem(err));
    }
  };
  const add = (e: SubmitEvent) => {
    e.preventDefault();
    void run(async () => {
      setSecret(t('wh.secretOnce') + '\n' + (await api<Answer<'/api/admin/webhooks', 'post'>>('/api/admin/webhooks', { method: 'POST', body: { url, events } })).secret);
      setUrl('');
    });
  };
  const rotate = (id: string) => run(async () => {
    const rotated = await api<Rotated>(`/api/admin/webhooks/${id}/rotate-secret`, { method: 'POST' });
    setSecret(t('wh.rotated', { date: date(rotated.previousSecretExpiresAt) }) + '\n' + rotated.secret);
  });
  const toggle = (e: Endpoint) => run(() => api(`/api/admin/webhooks/${e.id}`, { method: 'PATCH', body: { enabled: !e.enabled } }));
  const remove = (id: string) => run(async () => {
    await api(`/api/admin/webhooks/${id}`, { method: 'DELETE' });
    setLogOf(null);
  });
  const [secretIntro, secretValue] = secret?.split('\n') ?? [];

  return (
    <>
      <PageHeader title={`${t('set.title')} › ${t('wh.title')}`} />
      <SettingsTabs />
      <Text block style={{ marginBottom: 12, maxWidth: 720 }}>{t('wh.intro')}</Text>
      {error && <MessageBar intent="error" style={{ marginBottom: 12 }}><MessageBarBody>{error}</MessageBarBody></MessageBar>}
      {secret && (
        <MessageBar intent="success" style={{ marginBottom: 12 }}>
          <MessageBarBody>{secretIntro} <Text block font="monospace" style={{ overflowWrap: 'anywhere' }}>{secretValue}</Text></MessageBarBody>
        </MessageBar>
      )}
      {canChange && (
        <form onSubmit={add} style={{ display: 'grid', gap: 8, maxWidth: 720, marginBottom: 16 }}>
          <Field label={t('wh.url')} required><Input type="url" value={url} onChange={(_, d) => setUrl(d.value)} placeholder="https://" /></Field>
          <fieldset style={{ border: 'none', padding: 0, display: 'flex', flexWrap: 'wrap', columnGap: 12 }}>
            <legend>{t('wh.events')}</legend>
            {WEBHOOK_EVENT_TYPES.map((type) => (
              <Checkbox key={type} label={type} checked={events.includes(type)}
                onChange={(_, d) => setEvents(d.checked ? [...events, type] : events.filter((x) => x !== type))} />
            ))}
          </fieldset>
          <div><Button appearance="primary" type="submit" disabled={!url || events.length === 0}>{t('wh.add')}</Button></div>
        </form>
      )}
      {!endpoints.data && <Spinner label={t('common.loading')} />}
      {endpoints.data?.items.length === 0 && <Text block>{t('wh.none')}</Text>}
      {endpoints.data && endpoints.data.items.length > 0 && (
        <TableFrame label={t('wh.endpoints')}>
          <Table aria-label={t('wh.endpoints')}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('wh.url')}</TableHeaderCell>
                <TableHeaderCell>{t('wh.events')}</TableHeaderCell>
                <TableHeaderCell>{t('wh.status')}</TableHeaderCell>
                <TableHeaderCell>{t('wh.actions')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {endpoints.data.items.map((e) => (
                <TableRow key={e.id}>
                  <TableCell style={{ overflowWrap: 'anywhere' }}>{e.url}</TableCell>
                  <TableCell>{e.events.join(', ')}</TableCell>
                  <TableCell>{e.enabled ? t('wh.enabled') : e.disabledReason === 'failing' ? t('wh.disabledFailing') : t('wh.disabled')}</TableCell>
                  <TableCell>
                    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }}>
                      <Button size="small" onClick={() => setLogOf(e)}>{t('wh.deliveries')}</Button>
                      {canChange && <Button size="small" onClick={() => void toggle(e)}>{e.enabled ? t('wh.turnOff') : t('wh.turnOn')}</Button>}
                      {canChange && <Button size="small" onClick={() => void rotate(e.id)}>{t('wh.rotate')}</Button>}
                      {canChange && <Button size="small" aria-label={`${t('wh.delete')} ${e.url}`} onClick={() => void remove(e.id)}>{t('wh.delete')}</Button>}
                    </div>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableFrame>
      )}
      {logOf && <WebhookDeliveries endpoint={logOf} canReplay={canChange} />}
    </>
  );
}
