import { useEffect, useState } from 'react';
import {
  Badge, Button, Dropdown, Field, Input, Link, MessageBar, MessageBarBody, Option, Radio, RadioGroup, Spinner, Table, TableBody, TableCell,
  TableHeader, TableHeaderCell, TableRow, Text, Toolbar, makeStyles, tokens,
} from '@fluentui/react-components';
import { ArrowDownload20Regular } from '@fluentui/react-icons';
import { api, keyAfter, newIdempotencyKey } from '../../api';
import { useLocale, useT } from '../../i18n';
import { useApi } from '../../useApi';
import { Pane } from '../../components/Pane';
import { Loadable } from '../../components/Loadable';
import { useCardLabel } from './CardPanes';
import type { Invoice, InvoiceSummary, PaymentMethod } from './types';

type Period = 'past3' | 'past6' | 'range';
const useStyles = makeStyles({
  filters: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'end', flexWrap: 'wrap', marginBottom: tokens.spacingVerticalM },
  line: { display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
});
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** Onglet "Factures": the last 3 months by default, 6 months, or a date range; one invoice opens in the pane. */
export function InvoicesTab() {
  const styles = useStyles();
  const { t, date, money } = useT();
  const [period, setPeriod] = useState<Period>('past3');
  const [range, setRange] = useState({ from: '', to: isoDay(new Date()) });
  const [applied, setApplied] = useState<string>('');
  useEffect(() => {
    if (period === 'past3') setApplied('');
    if (period === 'past6') setApplied('months=6');
  }, [period]);
  const { data, error, reload } = useApi<{ items: InvoiceSummary[]; nextCursor: string | null }>(`/api/invoices?limit=100${applied ? `&${applied}` : ''}`);
  const [open, setOpen] = useState<string | null>(null);
  const labels: Record<Period, string> = { past3: t('inv.past3'), past6: t('inv.past6'), range: t('inv.range') };

  return (
    <>
      <div className={styles.filters}>
        <Field label={t('inv.period')}>
          <Dropdown value={labels[period]} selectedOptions={[period]} onOptionSelect={(_, d) => setPeriod(d.optionValue as Period)}>
            {(Object.keys(labels) as Period[]).map((p) => <Option key={p} value={p}>{labels[p]}</Option>)}
          </Dropdown>
        </Field>
        {period === 'range' && (
          <>
            <Field label={t('inv.from')}><Input type="date" value={range.from} onChange={(_, d) => setRange({ ...range, from: d.value })} /></Field>
            <Field label={t('inv.to')}><Input type="date" value={range.to} onChange={(_, d) => setRange({ ...range, to: d.value })} /></Field>
            <Button onClick={() => setApplied(`from=${range.from}&to=${range.to}`)}>{t('inv.apply')}</Button>
          </>
        )}
        <Toolbar>
          <Button as="a" appearance="subtle" icon={<ArrowDownload20Regular />} href={`/api/invoices.csv${applied ? `?${applied}` : ''}`}>{t('inv.csv')}</Button>
        </Toolbar>
      </div>
      <Loadable data={data} error={error} empty={(d) => (d.items.length ? null : t('inv.none'))}>{(d) => (
        <Table aria-label={t('bills.tab.invoices')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('inv.col.number')}</TableHeaderCell>
              <TableHeaderCell>{t('inv.col.date')}</TableHeaderCell>
              <TableHeaderCell>{t('inv.col.product')}</TableHeaderCell>
              <TableHeaderCell>{t('inv.col.total')}</TableHeaderCell>
              <TableHeaderCell>{t('inv.col.status')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {d.items.map((i) => (
              <TableRow key={i.id}>
                <TableCell><Link onClick={() => setOpen(i.id)}>{i.number}</Link>{i.kind === 'credit_note' && ` · ${t('inv.kind.credit_note')}`}</TableCell>
                <TableCell>{date(i.issuedAt)}</TableCell>
                <TableCell>{i.productName}</TableCell>
                <TableCell>{money(i.total)}</TableCell>
                <TableCell><Badge appearance="tint" color={i.status === 'due' ? 'danger' : 'informative'}>{t(`inv.status.${i.status}`)}</Badge></TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}</Loadable>
      <InvoicePane id={open} onClose={() => setOpen(null)} onPaid={reload} />
    </>
  );
}

/** One invoice as the PDF shows it, with the PDF link and "Payer maintenant" when it is due. */
function InvoicePane({ id, onClose, onPaid }: { id: string | null; onClose: () => void; onPaid: () => void }) {
  const styles = useStyles();
  const { t, date, money, problem } = useT();
  const { locale } = useLocale();
  const label = useCardLabel();
  const { data: invoice, setData } = useApi<Invoice>(id ? `/api/invoices/${id}` : null);
  const { data: cards } = useApi<{ items: PaymentMethod[] }>(id ? '/api/payment-methods' : null);
  const [card, setCard] = useState('');
  const [key, setKey] = useState(newIdempotencyKey);
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);
  useEffect(() => setMessage(null), [id]);
  const shown = invoice && invoice.id === id ? invoice : undefined;

  async function pay() {
    if (!shown || shown.status !== 'due' || !card) return;
    try {
      setData(await api<Invoice>(`/api/invoices/${shown.id}/pay`, { method: 'POST', body: { paymentMethodId: card }, headers: { 'idempotency-key': key } }));
      setMessage({ intent: 'success', text: t('inv.paid') });
      onPaid();
    } catch (err) {
      setMessage({ intent: 'error', text: problem(err) });
      setKey(keyAfter(err, key));
    }
  }

  return (
    <Pane title={shown ? `${t(`inv.kind.${shown.kind}`)} ${shown.number}` : ''} open={id !== null} onClose={onClose} onSubmit={pay}
      submitLabel={t('inv.payNow')} busy={!shown || shown.status !== 'due' || !card}>
      {message && <MessageBar intent={message.intent}><MessageBarBody>{message.text}</MessageBarBody></MessageBar>}
      {!shown && <Spinner />}
      {shown && (
        <>
          <Text>{date(shown.issuedAt)} · {t(`inv.status.${shown.status}`)}</Text>
          <Text weight="semibold">{t('inv.billedTo')}</Text>
          <Text>{shown.billingSnapshot.name}, {shown.billingSnapshot.address?.line1}, {shown.billingSnapshot.address?.postalCode} {shown.billingSnapshot.address?.city}, {shown.billingSnapshot.country}</Text>
          {shown.periodStart && shown.periodEnd && <Text>{t('inv.periodOf')}: {date(shown.periodStart)} – {date(shown.periodEnd)}</Text>}
          {shown.lines.map((l) => (
            <div key={l.lineNo} className={styles.line}>
              <Text>{t('inv.line', { description: l.description, quantity: l.quantity, unitPrice: money(l.unitPrice) })}</Text>
              <Text>{money(l.amount)}</Text>
            </div>
          ))}
          <div className={styles.line}><Text>{t('inv.subtotal')}</Text><Text>{money(shown.subtotal)}</Text></div>
          <div className={styles.line}><Text>{t('inv.vat', { rate: `${shown.taxRateBp / 100} %` })}</Text><Text>{money(shown.tax)}</Text></div>
          <div className={styles.line}><Text weight="semibold">{t('inv.total')}</Text><Text weight="semibold">{money(shown.total)}</Text></div>
          {shown.payment && <Text>{t('inv.paidWith', { brand: shown.payment.brand.toUpperCase(), last4: shown.payment.last4 })}</Text>}
          <Link href={`/api/invoices/${shown.id}/pdf?lang=${locale}`} target="_blank">{t('inv.pdf')}</Link>
          {shown.status === 'due' && (
            <Field label={t('inv.payWith')}>
              <RadioGroup value={card} onChange={(_, d) => setCard(d.value)}>
                {(cards?.items ?? []).map((c) => <Radio key={c.id} value={c.id} label={label(c)} />)}
              </RadioGroup>
            </Field>
          )}
        </>
      )}
    </Pane>
  );
}
