import { useEffect, useState } from 'react';
import { Button, Input, Link, Spinner, Text } from '@fluentui/react-components';
import { Search20Regular } from '@fluentui/react-icons';
import { api } from '../../api';
import type { Answer } from '../../api/types';
import { useT } from '../../i18n';
import { useIsAdmin } from '../../hooks/useMayWrite';
import { PageHeader } from '../../components/PageHeader';
import { DataTable, badgeColumn, textColumn } from '../../components/DataTable';
import { NoticeBar } from '../../components/NoticeBar';
import { PersonPane, type PaneResult } from './PersonPane';
import type { PersonDetail } from './types';

type Row = Pick<PersonDetail, 'id' | 'displayName' | 'email' | 'usageLocation' | 'role' | 'status'>;
const PAGE = 50;

/** Admin > People: search the directory, add people, and open one to change them. */
export default function People() {
  const { t, problem, date } = useT();
  const canChange = useIsAdmin();
  const [search, setSearch] = useState('');
  const [rows, setRows] = useState<Row[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);
  // undefined: closed; null: adding; a person: editing
  const [open, setOpen] = useState<PersonDetail | null | undefined>(undefined);
  const [result, setResult] = useState<PaneResult | null>(null);

  const load = (cursor?: string) =>
    api<Answer<'/api/people'>>(
      `/api/people?${new URLSearchParams({ search, limit: String(PAGE), ...(cursor ? { cursor } : {}) })}`,
    );
  useEffect(() => {
    let live = true;
    const timer = setTimeout(
      () =>
        void load().then(
          (page) => {
            if (!live) return;
            setRows(page.items);
            setNext(page.nextCursor);
          },
          (err: unknown) => live && setError(err),
        ),
      200,
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [search, version]);

  async function more() {
    const page = await load(next!);
    setRows([...(rows ?? []), ...page.items]);
    setNext(page.nextCursor);
  }

  async function edit(id: string) {
    setResult(null);
    try {
      setOpen(await api<PersonDetail>(`/api/people/${id}`));
    } catch (err) {
      setError(err);
    }
  }

  return (
    <>
      <PageHeader title={t('ppl.title')}>
        {canChange && (
          <Button
            appearance="primary"
            onClick={() => {
              setResult(null);
              setOpen(null);
            }}
          >
            {t('ppl.add')}
          </Button>
        )}
      </PageHeader>
      {result && (
        <NoticeBar intent="success" style={{ marginBottom: 12 }}>
          {result.text}
          {result.invitation && (
            <>
              {' '}
              {t('ppl.invitationLink', { email: result.invitation.email, date: date(result.invitation.expiresAt) })}
              <Text block font="monospace" style={{ overflowWrap: 'anywhere' }}>
                {result.invitation.url}
              </Text>
            </>
          )}
        </NoticeBar>
      )}
      {error ? <NoticeBar intent="error">{problem(error)}</NoticeBar> : null}
      <Input
        contentBefore={<Search20Regular />}
        aria-label={t('ppl.search')}
        placeholder={t('ppl.search')}
        value={search}
        onChange={(_, d) => setSearch(d.value)}
        style={{ marginBottom: 12, width: '100%', maxWidth: 420 }}
      />
      {!rows && !error && <Spinner label={t('common.loading')} />}
      {rows && rows.length === 0 && <Text block>{t('ppl.none')}</Text>}
      {rows && rows.length > 0 && (
        <DataTable
          label={t('ppl.title')}
          items={rows}
          rowId={(p) => p.id}
          columns={[
            {
              id: 'name',
              header: t('ppl.col.name'),
              sortBy: (p) => p.displayName,
              controls: canChange ? 'one' : undefined,
              cell: (p) => (canChange ? <Link onClick={() => void edit(p.id)}>{p.displayName}</Link> : p.displayName),
            },
            textColumn('email', t('ppl.col.email'), (p: Row) => p.email),
            {
              id: 'location',
              header: t('ppl.col.location'),
              sortBy: (p) => p.usageLocation ?? '',
              cell: (p) => p.usageLocation ?? t('ppl.noLocation'),
            },
            textColumn('role', t('ppl.col.role'), (p: Row) => t(`ppl.role.${p.role}`)),
            badgeColumn('status', t('ppl.col.status'), (p: Row) => ({
              text: t(`ppl.status.${p.status}`),
              color: p.status === 'active' ? 'success' : 'subtle',
            })),
          ]}
        />
      )}
      {next && (
        <Button style={{ marginTop: 12 }} onClick={() => void more()}>
          {t('ppl.more')}
        </Button>
      )}
      <PersonPane
        person={open}
        onClose={() => setOpen(undefined)}
        onDone={(r) => {
          setResult(r);
          setOpen(undefined);
          setVersion((v) => v + 1);
        }}
      />
    </>
  );
}
