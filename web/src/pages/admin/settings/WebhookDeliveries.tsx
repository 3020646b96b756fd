import { useState } from 'react';
import { Button, Title3 } from '@fluentui/react-components';
import { api } from '../../../api';
import type { Answer, Item } from '../../../api/types';
import { useT } from '../../../i18n';
import { useApi } from '../../../useApi';
import { textColumn } from '../../../components/DataTable';
import { ListTable } from '../../../components/ListTable';
import { NoticeBar } from '../../../components/NoticeBar';

type Endpoint = Item<'/api/admin/webhooks'>;
type Page = Answer<'/api/admin/webhooks/{id}/deliveries'>;
type Delivery = Page['items'][number];

/** An endpoint's delivery log, newest first: what it answered, how fast, and a replay. */
export function WebhookDeliveries({ endpoint, canReplay }: { endpoint: Endpoint; canReplay: boolean }) {
  const { t, intl, problem } = useT();
  const path = `/api/admin/webhooks/${endpoint.id}/deliveries?limit=50`;
  const { data, error, setData, reload } = useApi<Page>(path);
  const [note, setNote] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);
  const more = async () => {
    const next = await api<Page>(`${path}&cursor=${data!.nextCursor}`);
    setData({ items: [...data!.items, ...next.items], nextCursor: next.nextCursor });
  };
  const replay = async (eventId: string) => {
    try {
      await api(`/api/admin/webhooks/${endpoint.id}/deliveries/${eventId}/replay`, { method: 'POST' });
      setNote({ intent: 'success', text: t('wh.replayed') });
      reload();
    } catch (err) {
      setNote({ intent: 'error', text: problem(err) });
    }
  };
  const title = t('wh.deliveriesOf', { url: endpoint.url });
  return (
    <section aria-label={title} style={{ marginTop: 24 }}>
      <Title3 as="h2" block style={{ marginBottom: 8, overflowWrap: 'anywhere' }}>
        {title}
      </Title3>
      {note && (
        <NoticeBar intent={note.intent} style={{ marginBottom: 12 }}>
          {note.text}
        </NoticeBar>
      )}
      <ListTable
        data={data}
        error={error}
        empty={t('wh.noDeliveries')}
        label={title}
        rowId={(d) => d.id}
        columns={[
          {
            id: 'when',
            header: t('wh.when'),
            sortBy: (d) => Date.parse(d.attemptedAt),
            cell: (d) => intl.formatDate(d.attemptedAt, { dateStyle: 'medium', timeStyle: 'medium' }),
          },
          textColumn('event', t('wh.event'), (d: Delivery) => d.type),
          {
            id: 'response',
            header: t('wh.response'),
            sortBy: (d) => d.statusCode ?? 0,
            cell: (d) => `${d.statusCode ?? t('wh.noAnswer')} ${d.error ?? d.responseExcerpt.slice(0, 120)}`,
          },
          {
            id: 'latency',
            header: t('wh.latency'),
            sortBy: (d) => d.latencyMs,
            cell: (d) => t('wh.latencyMs', { ms: d.latencyMs }),
          },
          textColumn('status', t('wh.status'), (d: Delivery) => t(`wh.msg.${d.messageStatus}`)),
          {
            id: 'actions',
            header: t('wh.actions'),
            controls: 'one',
            cell: (d) =>
              canReplay && (
                <Button size="small" onClick={() => void replay(d.eventId)}>
                  {t('wh.replay')}
                </Button>
              ),
          },
        ]}
      />
      {data?.nextCursor && <Button onClick={() => void more()}>{t('inv.more')}</Button>}
    </section>
  );
}
