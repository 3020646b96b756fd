import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { api } from '../../api';
import { useT } from '../../i18n';
import { useApi } from '../../useApi';
import { PageHeader } from '../../components/PageHeader';
import { AppLink } from '../../components/AppLink';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { NoticeBar } from '../../components/NoticeBar';
import { AssignPane } from './AssignPane';
import type { Subscription } from '../products/types';
import type { Answer } from '../../api/types';
import { DataTable, dateColumn, textColumn } from '../../components/DataTable';

type AssignmentPage = Answer<'/api/subscriptions/{id}/assignments'>;
type Assignment = AssignmentPage['items'][number];

const useStyles = makeStyles({
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    margin: `${tokens.spacingVerticalM} 0`,
  },
});

/** One subscription's licenses: who holds them, assign more, unassign the ones selected. */
export default function LicenseDetails() {
  const { id } = useParams();
  const styles = useStyles();
  const { t, problem } = useT();
  const sub = useApi<Subscription>(`/api/subscriptions/${id}`);
  const list = useApi<AssignmentPage>(`/api/subscriptions/${id}/assignments`);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [assigning, setAssigning] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);

  if (sub.error) return <NoticeBar intent="error">{problem(sub.error)}</NoticeBar>;
  if (!sub.data) return <Spinner label={t('common.loading')} />;
  const s = sub.data;
  // the API says who may assign: the buyer of a running subscription
  const canChange = s.can?.assignLicenses ?? false;
  const people = list.data?.items ?? [];
  const refresh = () => {
    sub.reload();
    list.reload();
  };

  // a pool holds up to 10,000 people: the next fifty on demand
  async function more(page: AssignmentPage) {
    const next = await api<AssignmentPage>(
      `/api/subscriptions/${s.id}/assignments?cursor=${encodeURIComponent(page.nextCursor!)}`,
    );
    list.setData({ items: [...page.items, ...next.items], nextCursor: next.nextCursor });
  }

  async function unassign() {
    setConfirming(false);
    try {
      const res = await api<Answer<'/api/subscriptions/{id}/assignments/remove', 'post'>>(
        `/api/subscriptions/${s.id}/assignments/remove`,
        { method: 'POST', body: { userIds: [...selected] } },
      );
      setNotice({ intent: 'success', text: t('lic.unassigned', { count: res.unassigned.length }) });
      setSelected(new Set());
      refresh();
    } catch (err) {
      setNotice({ intent: 'error', text: problem(err) });
    }
  }

  return (
    <>
      <AppLink to="/billing/licenses">{t('lic.back')}</AppLink>
      <PageHeader title={s.product.name} />
      <Text>{t('lic.counts', { assigned: s.assigned, available: s.available, total: s.total })}</Text>
      {!canChange && <NoticeBar intent="info">{t('lic.readOnly')}</NoticeBar>}
      {canChange && (
        <div className={styles.actions}>
          <Button
            appearance="primary"
            onClick={() => setAssigning(true)}
            disabled={s.status !== 'active' && s.status !== 'trial'}
          >
            {t('lic.assign')}
          </Button>
          <Button disabled={selected.size === 0} onClick={() => setConfirming(true)}>
            {t('lic.unassignLicenses')}
          </Button>
        </div>
      )}
      {notice && <NoticeBar intent={notice.intent}>{notice.text}</NoticeBar>}
      {!list.data && <Spinner label={t('common.loading')} />}
      {list.data && people.length === 0 && <p>{t('lic.nobody')}</p>}
      {people.length > 0 && (
        <DataTable
          label={s.product.name}
          items={people}
          rowId={(a) => a.person.id}
          columns={[
            textColumn('name', t('lic.col.name'), (a: Assignment) => a.person.displayName),
            textColumn('email', t('lic.col.email'), (a: Assignment) => a.person.email),
            dateColumn('assignedOn', t('lic.col.assignedOn'), (a: Assignment) => a.assignedAt),
          ]}
          selection={
            canChange
              ? {
                  selected,
                  onChange: setSelected,
                  allLabel: t('lic.selectAll'),
                  rowLabel: (a) => t('lic.select', { name: a.person.displayName }),
                }
              : undefined
          }
        />
      )}
      {list.data?.nextCursor && <Button onClick={() => void more(list.data!)}>{t('lic.more')}</Button>}
      <AssignPane subscriptionId={s.id} open={assigning} onClose={() => setAssigning(false)} onAssigned={refresh} />
      <ConfirmDialog
        open={confirming}
        title={t('lic.unassignLicenses')}
        text={t('lic.confirm.text', { count: selected.size, product: s.product.name })}
        confirmLabel={t('lic.unassign')}
        cancelLabel={t('common.close')}
        onConfirm={() => void unassign()}
        onCancel={() => setConfirming(false)}
      />
    </>
  );
}
