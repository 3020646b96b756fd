import { useState } from 'react';
import { Button, Field, Input } from '@fluentui/react-components';
import { ArrowDownload20Regular } from '@fluentui/react-icons';
import { api } from '../../api';
import type { Answer } from '../../api/types';
import { useT } from '../../i18n';
import { useApi } from '../../useApi';
import { PageHeader } from '../../components/PageHeader';
import { textColumn } from '../../components/DataTable';
import { ListTable } from '../../components/ListTable';

type Page = Answer<'/api/admin/audit'>;
type AuditEvent = Page['items'][number];

/** Who did what, when, on what: newest first, filtered by action, exported as CSV. */
export default function AuditLog() {
  const { t, intl } = useT();
  const [action, setAction] = useState('');
  const query = action ? `&action=${encodeURIComponent(action)}` : '';
  const { data, error, setData } = useApi<Page>(`/api/admin/audit?limit=50${query}`);
  const more = async () => {
    const next = await api<Page>(`/api/admin/audit?limit=50${query}&cursor=${data!.nextCursor}`);
    setData({ items: [...data!.items, ...next.items], nextCursor: next.nextCursor });
  };
  return (
    <>
      <PageHeader title={t('adm.audit.title')}>
        <Button
          as="a"
          icon={<ArrowDownload20Regular />}
          href={`/api/admin/audit.csv${action ? `?action=${encodeURIComponent(action)}` : ''}`}
        >
          {t('adm.audit.export')}
        </Button>
      </PageHeader>
      <Field label={t('adm.audit.action')} style={{ maxWidth: 320, marginBottom: 16 }}>
        <Input value={action} placeholder="subscription." onChange={(_, d) => setAction(d.value)} />
      </Field>
      <ListTable
        data={data}
        error={error}
        label={t('adm.audit.title')}
        rowId={(e) => String(e.id)}
        columns={[
          {
            id: 'when',
            header: t('adm.audit.when'),
            sortBy: (e) => Date.parse(e.at),
            cell: (e) => intl.formatDate(e.at, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }),
          },
          {
            id: 'who',
            header: t('adm.audit.who'),
            sortBy: (e) => e.actor?.displayName ?? '',
            cell: (e) => (e.actor ? `${e.actor.displayName} (${e.actor.email})` : t('adm.audit.system')),
          },
          textColumn('what', t('adm.audit.what'), (e: AuditEvent) => e.action),
          {
            id: 'on',
            header: t('adm.audit.on'),
            sortBy: (e) => e.objectType,
            cell: (e) => `${e.objectType} ${e.objectId.slice(0, 8)}`,
          },
        ]}
      />
      {data?.nextCursor && <Button onClick={() => void more()}>{t('inv.more')}</Button>}
    </>
  );
}
