import { useState } from 'react';
import { Button, MessageBar, MessageBarBody, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Title3 } from '@fluentui/react-components';
import { api } from '../../../api';
import type { Answer, Item } from '../../../api/types';
import { useT } from '../../../i18n';
import { useApi } from '../../../useApi';
import { TableFrame } from '../../../components/TableFrame';

type Endpoint = Item<'/api/admin/webhooks'>;
type Page = Answer<'/api/admin/webhooks/{id}/deliveries'>;

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
      <Title3 as="h2" block style={{ marginBottom: 8, overflowWrap: 'anywhere' }}>{title}</Title3>
      {note && <MessageBar intent={note.intent} style={{ marginBottom: 12 }}><MessageBarBody>{note.text}</MessageBarBody></MessageBar>}
      {error ? <MessageBar intent="error"><MessageBarBody>{problem(error)}</MessageBarBody></MessageBar> : null}
      {!data && !error && <Spinner label={t('common.loading')} />}
      {data?.items.length === 0 && <Text block>{t('wh.noDeliveries')}</Text>}
      {data && data.items.length > 0 && (
        <TableFrame label={title}>
          <Table aria-label={title}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('wh.when')}</TableHeaderCell>
                <TableHeaderCell>{t('wh.event')}</TableHeaderCell>
                <TableHeaderCell>{t('wh.response')}</TableHeaderCell>
                <TableHeaderCell>{t('wh.latency')}</TableHeaderCell>
                <TableHeaderCell>{t('wh.status')}</TableHeaderCell>
                <TableHeaderCell>{t('wh.actions')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.items.map((d) => (
                <TableRow key={d.id}>
                  <TableCell>{intl.formatDate(d.attemptedAt, { dateStyle: 'medium', timeStyle: 'medium' })}</TableCell>
                  <TableCell>{d.type}</TableCell>
                  <TableCell style={{ overflowWrap: 'anywhere' }}>{d.statusCode ?? t('wh.noAnswer')} {d.error ?? d.responseExcerpt.slice(0, 120)}</TableCell>
                  <TableCell>{t('wh.latencyMs', { ms: d.latencyMs })}</TableCell>
                  <TableCell>{t(`wh.msg.${d.messageStatus}`)}</TableCell>
                  <TableCell>{canReplay && <Button size="small" onClick={() => void replay(d.eventId)}>{t('wh.replay')}</Button>}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableFrame>
      )}
      {data?.nextCursor && <Button onClick={() => void more()}>{t('inv.more')}</Button>}
    </section>
  );
}
