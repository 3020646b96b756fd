import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Button, Dropdown, Field, Link, Option, Toolbar, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownload20Regular } from '@fluentui/react-icons';
import { api } from '../../api';
import type { Answer } from '../../api/types';
import { useLocale, useT } from '../../i18n';
import { useApi } from '../../useApi';
import { ListTable } from '../../components/ListTable';
import { TextField } from '../../components/CardFields';
import { InvoicePane } from './InvoicePane';
import { badgeColumn, dateColumn } from '../../components/DataTable';

type Period = 'past3' | 'past6' | 'range';
const useStyles = makeStyles({
  filters: {
    display: 'flex',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
    flexWrap: 'wrap',
    marginBottom: tokens.spacingVerticalM,
  },
});
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
type Page = Pick<Answer<'/api/invoices'>, 'items' | 'nextCursor'>;
type Invoice = Page['items'][number];
const PAGE = 50;

/** Onglet "Factures": the last 3 months by default, 6 months, or a date range; one invoice opens in the pane. */
export function InvoicesTab() {
  const styles = useStyles();
  const { t, money, fieldErrors } = useT();
  const { locale } = useLocale();
  const [period, setPeriod] = useState<Period>('past3');
  const [range, setRange] = useState({ from: '', to: isoDay(new Date()) });
  const [applied, setApplied] = useState<string>('');
  // the last 3 or 6 months apply at once; a range once "Appliquer" is clicked
  const choose = (p: Period) => {
    setPeriod(p);
    if (p === 'past3') setApplied('');
    if (p === 'past6') setApplied('months=6');
  };
  const { data, error, reload, setData } = useApi<Page>(`/api/invoices?limit=${PAGE}${applied ? `&${applied}` : ''}`);
  // a date left empty or impossible: said under its field, and in words above the list
  const invalid = fieldErrors(error);
  // a period holds any number of invoices: the next ones come on demand, after the last one shown
  async function more(page: Page) {
    const next = await api<Page>(
      `/api/invoices?limit=${PAGE}${applied ? `&${applied}` : ''}&cursor=${encodeURIComponent(page.nextCursor!)}`,
    );
    setData({ items: [...page.items, ...next.items], nextCursor: next.nextCursor });
  }
  // ?invoice= opens one in the pane: the link a change's receipt gives
  const [params, setParams] = useSearchParams();
  const open = params.get('invoice');
  const setOpen = (id: string | null) =>
    setParams(
      (p) => {
        if (id) p.set('invoice', id);
        else p.delete('invoice');
        return p;
      },
      { replace: id === null },
    );
  const labels: Record<Period, string> = { past3: t('inv.past3'), past6: t('inv.past6'), range: t('inv.range') };

  return (
    <>
      <div className={styles.filters}>
        <Field label={t('inv.period')}>
          <Dropdown
            value={labels[period]}
            selectedOptions={[period]}
            onOptionSelect={(_, d) => choose(d.optionValue as Period)}
          >
            {(Object.keys(labels) as Period[]).map((p) => (
              <Option key={p} value={p}>
                {labels[p]}
              </Option>
            ))}
          </Dropdown>
        </Field>
        {period === 'range' && (
          <>
            {(['from', 'to'] as const).map((end) => (
              <TextField
                key={end}
                label={t(`inv.${end}`)}
                required={false}
                type="date"
                value={range[end]}
                onChange={(_, d) => setRange({ ...range, [end]: d.value })}
                error={invalid[end]}
              />
            ))}
            <Button onClick={() => setApplied(`from=${range.from}&to=${range.to}`)}>{t('inv.apply')}</Button>
          </>
        )}
        <Toolbar>
          {/* in the app's language: French CSV for French Excel (semicolons, decimal commas) */}
          <Button
            as="a"
            appearance="subtle"
            icon={<ArrowDownload20Regular />}
            href={`/api/invoices.csv?lang=${locale}${applied ? `&${applied}` : ''}`}
          >
            {t('inv.csv')}
          </Button>
          <Button
            as="a"
            appearance="subtle"
            icon={<ArrowDownload20Regular />}
            href={`/api/invoices.csv?format=xlsx&lang=${locale}${applied ? `&${applied}` : ''}`}
          >
            {t('inv.xlsx')}
          </Button>
        </Toolbar>
      </div>
      <ListTable
        data={data}
        error={error}
        empty={t('inv.none')}
        label={t('bills.tab.invoices')}
        rowId={(i) => i.id}
        columns={[
          {
            id: 'number',
            header: t('inv.col.number'),
            sortBy: (i) => i.number,
            controls: 'one',
            cell: (i) => (
              <>
                <Link onClick={() => setOpen(i.id)}>{i.number}</Link>
                {i.kind === 'credit_note' && ` · ${t('inv.kind.credit_note')}`}
              </>
            ),
          },
          dateColumn('date', t('inv.col.date'), (i: Invoice) => i.issuedAt),
          {
            id: 'product',
            header: t('inv.col.product'),
            sortBy: (i) => i.productName ?? '',
            cell: (i) => i.productName,
          },
          { id: 'total', header: t('inv.col.total'), sortBy: (i) => i.total.amount, cell: (i) => money(i.total) },
          badgeColumn('status', t('inv.col.status'), (i: Invoice) => ({
            text: t(`inv.status.${i.status}`),
            color: i.status === 'due' ? 'danger' : 'informative',
          })),
        ]}
      />
      {!error && data?.nextCursor && <Button onClick={() => void more(data)}>{t('inv.more')}</Button>}
      <InvoicePane id={open} onClose={() => setOpen(null)} onPaid={reload} />
    </>
  );
}
