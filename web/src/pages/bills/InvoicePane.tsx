import { useState } from 'react';
import { Field, Link, Radio, RadioGroup, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { api, keyAfter, newIdempotencyKey } from '../../api';
import { useLocale, useT } from '../../i18n';
import { useApi } from '../../useApi';
import { useCardLabel, useNewCard } from './CardPanes';
import { Pane } from '../../components/Pane';
import { AmountLine } from '../../components/AmountLine';
import type { Invoice, PaymentMethod } from './types';
import { useChanged } from '../../hooks/useChanged';
import { useSubmit } from '../../hooks/useSubmit';

const useStyles = makeStyles({
  // an invoice's lines closer together than a form's fields
  body: { gap: tokens.spacingVerticalM },
});

/**
 * One invoice as the PDF shows it, with the PDF link. Only an invoice left due offers
 * "Payer maintenant", with a saved card or a new one.
 */
export function InvoicePane({ id, onClose, onPaid }: { id: string | null; onClose: () => void; onPaid: () => void }) {
  const styles = useStyles();
  const { t, date, money, number } = useT();
  const { locale } = useLocale();
  const label = useCardLabel();
  const newCard = useNewCard();
  const submit = useSubmit();
  const { data: invoice, setData } = useApi<Invoice>(id ? `/api/invoices/${id}` : null);
  const shown = invoice && invoice.id === id ? invoice : undefined;
  const due = shown?.status === 'due';
  const { data: cards } = useApi<{ items: PaymentMethod[] }>(due ? '/api/payment-methods' : null);
  const [card, setCard] = useState('');
  const [key, setKey] = useState(newIdempotencyKey);
  const [paid, setPaid] = useState<string | null>(null);
  if (useChanged(id)) {
    setPaid(null);
    submit.clear();
    setCard('');
    newCard.reset();
  }

  function pay() {
    if (!shown || !due || !card) return;
    void submit.run(
      async () => {
        const body = card === 'new' ? { card: newCard.body() } : { paymentMethodId: card };
        setData(
          await api<Invoice>(`/api/invoices/${shown.id}/pay`, {
            method: 'POST',
            body,
            headers: { 'idempotency-key': key },
          }),
        );
        const paidWith = card === 'new' ? null : (cards?.items ?? []).find((c) => c.id === card);
        setPaid(paidWith ? t('inv.paidAmount', { amount: money(shown.total), card: label(paidWith) }) : t('inv.paid'));
        setKey(newIdempotencyKey());
        onPaid();
      },
      (err) => {
        newCard.failed(err);
        setKey(keyAfter(err, key));
      },
    );
  }

  // a line reads as it adds up: "n × price" only when it is n times that price (a pro-rata line says so instead);
  // its "(monthly)" in the reader's language
  const lineText = (l: Invoice['lines'][number]) => {
    const description = l.description.replace(
      / \((monthly|annual)\)$/,
      (_, term: string) => ` (${t(`inv.term.${term}`)})`,
    );
    return l.quantity * l.unitPrice.amount === l.amount.amount
      ? t('inv.line', { description, quantity: l.quantity, unitPrice: money(l.unitPrice) })
      : t('inv.lineProrated', { description, quantity: l.quantity });
  };
  const title = shown ? `${t(`inv.kind.${shown.kind}`)} ${shown.number}` : '';
  const snapshot = shown?.billingSnapshot;
  return (
    <Pane
      title={title}
      open={id !== null}
      onClose={onClose}
      onSubmit={pay}
      submitLabel={due ? t('inv.payNow') : undefined}
      busy={submit.busy || !card}
      error={submit.error}
      notice={paid ? { intent: 'success', text: paid } : null}
      footnote={due && <Text>{t('inv.payAmount', { amount: money(shown.total) })}</Text>}
      bodyClassName={styles.body}
    >
      {!shown && <Spinner />}
      {shown && snapshot && (
        <>
          <Text>
            {date(shown.issuedAt)} · {t(`inv.status.${shown.status}`)}
          </Text>
          <Text weight="semibold">{t('inv.billedTo')}</Text>
          <Text>
            {[
              snapshot.name,
              snapshot.address?.line1,
              `${snapshot.address?.postalCode ?? ''} ${snapshot.address?.city ?? ''}`.trim(),
              snapshot.country,
            ]
              .filter(Boolean)
              .join(', ')}
          </Text>
          {shown.periodStart && shown.periodEnd && (
            <Text>
              {t('label.value', {
                label: t('inv.periodOf'),
                value: `${date(shown.periodStart)} – ${date(shown.periodEnd)}`,
              })}
            </Text>
          )}
          {shown.lines.map((l) => (
            <AmountLine key={l.lineNo} label={lineText(l)} amount={money(l.amount)} />
          ))}
          <AmountLine label={t('inv.subtotal')} amount={money(shown.subtotal)} />
          <AmountLine label={t('inv.vat', { rate: `${number(shown.taxRateBp / 100)} %` })} amount={money(shown.tax)} />
          <AmountLine label={t('inv.total')} amount={money(shown.total)} total />
          {shown.payment && (
            <Text>
              {t(shown.kind === 'credit_note' ? 'inv.refundedTo' : 'inv.paidWith', {
                brand: shown.payment.brand.toUpperCase(),
                last4: shown.payment.last4,
              })}
            </Text>
          )}
          <Link href={`/api/invoices/${shown.id}/pdf?lang=${locale}`} target="_blank">
            {t('inv.pdf')}
          </Link>
          {due && (
            <Field label={t('inv.payWith')}>
              <RadioGroup value={card} onChange={(_, d) => setCard(d.value)}>
                {(cards?.items ?? []).map((c) => (
                  <Radio key={c.id} value={c.id} label={label(c)} />
                ))}
                <Radio value="new" label={t('buy.newCard')} />
              </RadioGroup>
            </Field>
          )}
          {due && card === 'new' && newCard.fields}
        </>
      )}
    </Pane>
  );
}
