import { useState, type SubmitEvent } from 'react';
import { Button, Checkbox, Field, Input, Spinner, Text } from '@fluentui/react-components';
import { api } from '../../../api';
import type { Answer, Item } from '../../../api/types';
import { useT } from '../../../i18n';
import { useIsAdmin } from '../../../hooks/useMayWrite';
import { useApi } from '../../../useApi';
import { PageHeader } from '../../../components/PageHeader';
import { DataTable } from '../../../components/DataTable';
import { SecretShownOnce } from '../../../components/SecretShownOnce';
import { NoticeBar } from '../../../components/NoticeBar';
import { SettingsTabs } from './SettingsTabs';
import { WebhookDeliveries } from './WebhookDeliveries';

type EventTypes = Answer<'/api/admin/webhooks/event-types'>;

export type Endpoint = Item<'/api/admin/webhooks'>;
/** After a rotation, the previous secret always has an end. */
type Rotated = Answer<'/api/admin/webhooks/{id}/rotate-secret', 'post'> & { previousSecretExpiresAt: string };

/** Settings > Webhooks: the endpoints that hear about this organization's changes, and what was sent to them. */
export default function Webhooks() {
  const { t, problem, date } = useT();
  const canChange = useIsAdmin();
  const endpoints = useApi<{ items: Endpoint[] }>('/api/admin/webhooks');
  const [url, setUrl] = useState('');
  // the API's list of events, each asked for unless unticked
  const eventTypes = useApi<EventTypes>('/api/admin/webhooks/event-types').data?.items ?? [];
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  const events = eventTypes.filter((type) => !unticked.has(type));
  const [secret, setSecret] = useState<{ text: string; value: string } | null>(null);
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
      const created = await api<Answer<'/api/admin/webhooks', 'post'>>('/api/admin/webhooks', {
        method: 'POST',
        body: { url, events },
      });
      setSecret({ text: t('wh.secretOnce'), value: created.secret });
      setUrl('');
    });
  };
  const rotate = (id: string) =>
    run(async () => {
      const rotated = await api<Rotated>(`/api/admin/webhooks/${id}/rotate-secret`, { method: 'POST' });
      setSecret({ text: t('wh.rotated', { date: date(rotated.previousSecretExpiresAt) }), value: rotated.secret });
    });
  const toggle = (e: Endpoint) =>
    run(() => api(`/api/admin/webhooks/${e.id}`, { method: 'PATCH', body: { enabled: !e.enabled } }));
  const remove = (id: string) =>
    run(async () => {
      await api(`/api/admin/webhooks/${id}`, { method: 'DELETE' });
      setLogOf(null);
    });

  return (
    <>
      <PageHeader title={`${t('set.title')} › ${t('wh.title')}`} />
      <SettingsTabs />
      <Text block style={{ marginBottom: 12, maxWidth: 720 }}>
        {t('wh.intro')}
      </Text>
      {error && (
        <NoticeBar intent="error" style={{ marginBottom: 12 }}>
          {error}
        </NoticeBar>
      )}
      {secret && <SecretShownOnce text={secret.text} values={[[t('wh.secret'), secret.value]]} />}
      {canChange && (
        <form onSubmit={add} style={{ display: 'grid', gap: 8, maxWidth: 720, marginBottom: 16 }}>
          <Field label={t('wh.url')} required>
            <Input type="url" value={url} onChange={(_, d) => setUrl(d.value)} placeholder="https://" />
          </Field>
          <fieldset style={{ border: 'none', padding: 0, display: 'flex', flexWrap: 'wrap', columnGap: 12 }}>
            <legend>{t('wh.events')}</legend>
            {eventTypes.map((type) => (
              <Checkbox
                key={type}
                label={type}
                checked={!unticked.has(type)}
                onChange={(_, d) =>
                  setUnticked((now) => new Set(d.checked ? [...now].filter((x) => x !== type) : [...now, type]))
                }
              />
            ))}
          </fieldset>
          <div>
            <Button appearance="primary" type="submit" disabled={!url || events.length === 0}>
              {t('wh.add')}
            </Button>
          </div>
        </form>
      )}
      {!endpoints.data && <Spinner label={t('common.loading')} />}
      {endpoints.data?.items.length === 0 && <Text block>{t('wh.none')}</Text>}
      {endpoints.data && endpoints.data.items.length > 0 && (
        <DataTable
          label={t('wh.endpoints')}
          items={endpoints.data.items}
          rowId={(e) => e.id}
          columns={[
            { id: 'url', header: t('wh.url'), sortBy: (e) => e.url, cell: (e) => e.url },
            { id: 'events', header: t('wh.events'), cell: (e) => e.events.join(', ') },
            {
              id: 'status',
              header: t('wh.status'),
              sortBy: (e) => Number(e.enabled),
              cell: (e) =>
                e.enabled
                  ? t('wh.enabled')
                  : e.disabledReason === 'failing'
                    ? t('wh.disabledFailing')
                    : t('wh.disabled'),
            },
            {
              id: 'actions',
              header: t('wh.actions'),
              controls: 'several',
              cell: (e) => (
                <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }}>
                  <Button size="small" onClick={() => setLogOf(e)}>
                    {t('wh.deliveries')}
                  </Button>
                  {canChange && (
                    <Button size="small" onClick={() => void toggle(e)}>
                      {e.enabled ? t('wh.turnOff') : t('wh.turnOn')}
                    </Button>
                  )}
                  {canChange && (
                    <Button size="small" onClick={() => void rotate(e.id)}>
                      {t('wh.rotate')}
                    </Button>
                  )}
                  {canChange && (
                    <Button size="small" aria-label={`${t('wh.delete')} ${e.url}`} onClick={() => void remove(e.id)}>
                      {t('wh.delete')}
                    </Button>
                  )}
                </div>
              ),
            },
          ]}
        />
      )}
      {logOf && <WebhookDeliveries endpoint={logOf} canReplay={canChange} />}
    </>
  );
}
