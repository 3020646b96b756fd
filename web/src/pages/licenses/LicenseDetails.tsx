import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Link,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { api } from '../../api';
import { useT } from '../../i18n';
import { useApi } from '../../useApi';
import { PageHeader } from '../../components/PageHeader';
import { AssignPane } from './AssignPane';
import { useReturnFocus } from '../../hooks/useReturnFocus';
import type { Subscription } from '../products/types';
import type { Answer } from '../../api/types';
import { DataTable } from '../../components/DataTable';

type AssignmentPage = Answer<'/api/subscriptions/{id}/assignments'>;

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
  const navigate = useNavigate();
  const { t, date, problem } = useT();
  const sub = useApi<Subscription>(`/api/subscriptions/${id}`);
  const list = useApi<AssignmentPage>(`/api/subscriptions/${id}/assignments?limit=50`);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [assigning, setAssigning] = useState(false);
  const [confirming, setConfirming] = useState(false);
  // the dialog opens without a DialogTrigger: closed, it would leave the focus on the page's body
  useReturnFocus(confirming);
  const [notice, setNotice] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);

  if (sub.error)
    return (
      <MessageBar intent="error">
        <MessageBarBody>{problem(sub.error)}</MessageBarBody>
      </MessageBar>
    );
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
      `/api/subscriptions/${s.id}/assignments?limit=50&cursor=${encodeURIComponent(page.nextCursor!)}`,
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
      <Link
        href="/billing/licenses"
        onClick={(e) => {
          e.preventDefault();
          void navigate('/billing/licenses');
        }}
      >
        {t('lic.back')}
      </Link>
      <PageHeader title={s.product.name} />
      <Text>{t('lic.counts', { assigned: s.assigned, available: s.available, total: s.total })}</Text>
      {!canChange && (
        <MessageBar intent="info">
          <MessageBarBody>{t('lic.readOnly')}</MessageBarBody>
        </MessageBar>
      )}
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
      {notice && (
        <MessageBar intent={notice.intent}>
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      {!list.data && <Spinner label={t('common.loading')} />}
      {list.data && people.length === 0 && <p>{t('lic.nobody')}</p>}
      {people.length > 0 && (
        <DataTable
          label={s.product.name}
          items={people}
          rowId={(a) => a.person.id}
          columns={[
            {
              id: 'name',
              header: t('lic.col.name'),
              sortBy: (a) => a.person.displayName,
              cell: (a) => a.person.displayName,
            },
            { id: 'email', header: t('lic.col.email'), sortBy: (a) => a.person.email, cell: (a) => a.person.email },
            {
              id: 'assignedOn',
              header: t('lic.col.assignedOn'),
              sortBy: (a) => Date.parse(a.assignedAt),
              cell: (a) => date(a.assignedAt),
            },
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
      <Dialog open={confirming} onOpenChange={(_, d) => setConfirming(d.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t('lic.unassignLicenses')}</DialogTitle>
            <DialogContent>{t('lic.confirm.text', { count: selected.size, product: s.product.name })}</DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => void unassign()}>
                {t('lic.unassign')}
              </Button>
              <Button onClick={() => setConfirming(false)}>{t('common.close')}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
