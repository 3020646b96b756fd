import { useState } from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { ArrowDownload20Regular } from '@fluentui/react-icons';
import { api } from '../../api';
import type { Answer } from '../../api/types';
import { useT } from '../../i18n';
import { useApi } from '../../useApi';
import { PageHeader } from '../../components/PageHeader';
import { TableFrame } from '../../components/TableFrame';

type Page = Answer<'/api/admin/audit'>;

/** Who did what, when, on what: newest first, filtered by action, exported as CSV. */
export default function AuditLog() {
  const { t, intl, problem } = useT();
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
        <Button as="a" icon={<ArrowDownload20Regular />} href={`/api/admin/audit.csv${action ? `?action=${encodeURIComponent(action)}` : ''}`}>{t('adm.audit.export')}</Button>
      </PageHeader>
      <Field label={t('adm.audit.action')} style={{ maxWidth: 320, marginBottom: 16 }}>
        <Input value={action} placeholder="subscription." onChange={(_, d) => setAction(d.value)} />
      </Field>
      {error ? <MessageBar intent="error"><MessageBarBody>{problem(error)}</MessageBarBody></MessageBar> : null}
      {!data && !error && <Spinner label={t('common.loading')} />}
      {data && (
        <TableFrame label={t('adm.audit.title')}>
          <Table aria-label={t('adm.audit.title')}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('adm.audit.when')}</TableHeaderCell>
                <TableHeaderCell>{t('adm.audit.who')}</TableHeaderCell>
                <TableHeaderCell>{t('adm.audit.what')}</TableHeaderCell>
                <TableHeaderCell>{t('adm.audit.on')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.items.map((e) => (
                <TableRow key={e.id}>
                  <TableCell>{intl.formatDate(e.at, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })}</TableCell>
                  <TableCell>{e.actor ? `${e.actor.displayName} (${e.actor.email})` : t('adm.audit.system')}</TableCell>
                  <TableCell>{e.action}</TableCell>
                  <TableCell>{e.objectType} {e.objectId.slice(0, 8)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableFrame>
      )}
      {data?.nextCursor && <Button onClick={() => void more()}>{t('inv.more')}</Button>}
    </>
  );
}
