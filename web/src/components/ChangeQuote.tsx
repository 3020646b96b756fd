import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Divider, Link, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { api, keyAfter, newIdempotencyKey } from '../api';
import type { Answer } from '../api/types';
import { useT } from '../i18n';
import type { Money, Subscription } from '../pages/products/types';
import { useOpening } from '../hooks/useOpening';
import { NoticeBar } from './NoticeBar';
import { AmountLine } from './AmountLine';

/** GET /api/subscriptions/{id}/quote: what a change would charge or refund, and when. */
export type ChangeQuote = Answer<'/api/subscriptions/{id}/quote'>;

/** The quote of a change, asked again (after a short pause while typing) whenever the change does. */
export function useChangeQuote(subscriptionId: string, query: string | null) {
  const asked = query ? `/api/subscriptions/${subscriptionId}/quote?${query}` : null;
  // the last answer, kept on screen while the next one is asked for
  const [answer, setAnswer] = useState<{ asked: string; quote: ChangeQuote | null; error: unknown } | null>(null);
  // nothing asked: the last answer is gone, not shown again when something is
  if (!asked && answer) setAnswer(null);
  useEffect(() => {
    if (!asked) return;
    let live = true;
    const timer = setTimeout(() => {
      api<ChangeQuote>(asked).then(
        (quote) => live && setAnswer({ asked, quote, error: null }),
        (error: unknown) => live && setAnswer({ asked, quote: null, error }),
      );
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [asked]);
  return {
    quote: answer?.quote ?? null,
    error: answer?.error ?? null,
    loading: asked !== null && answer?.asked !== asked,
  };
}

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
  },
});

/** Amount, tax and date of a change before it is confirmed; an error of the quote is the change's own refusal. */
export function QuoteSummary({ state }: { state: ReturnType<typeof useChangeQuote> }) {
  const styles = useStyles();
  const { t, money, date, problem, intl } = useT();
  const { quote, error, loading } = state;
  if (error) return <NoticeBar intent="warning">{problem(error)}</NoticeBar>;
  if (!quote) return loading ? <Spinner size="tiny" label={t('quote.loading')} /> : null;
  const rate = intl.formatNumber(quote.taxRateBp / 10_000, { style: 'percent', maximumFractionDigits: 2 });
  const card = quote.card ? t('quote.card', { brand: quote.card.brand.toUpperCase(), last4: quote.card.last4 }) : '';
  return (
    <section className={styles.box} aria-label={t('quote.title')} aria-live="polite">
      <Text weight="semibold">
        {t(`quote.${quote.change}`, { count: quote.licenses, quantity: quote.quantity, date: date(quote.effectiveAt) })}
      </Text>
      {quote.money !== 'none' && (
        <>
          <AmountLine label={t('quote.subtotal', { count: quote.licenses })} amount={money(quote.subtotal)} />
          <AmountLine label={t('quote.tax', { rate })} amount={money(quote.tax)} />
          <Divider />
          <AmountLine
            label={t(quote.money === 'charge' ? 'quote.charged' : 'quote.refunded')}
            amount={money(quote.total)}
            total
          />
          <Text>
            {t(quote.money === 'charge' ? 'quote.chargeWhen' : 'quote.refundWhen', {
              date: date(quote.effectiveAt),
              card,
              start: date(quote.periodStart),
              end: date(quote.periodEnd),
            })}
          </Text>
        </>
      )}
    </section>
  );
}

/** What a change charged or refunded once done, and the invoices or credit notes that say so. */
export interface Receipt {
  money: 'charge' | 'refund';
  total: Money;
  documents: { id: string; number: string; kind: 'invoice' | 'credit_note' }[];
}

type Documents = Pick<Answer<'/api/invoices'>, 'items'>;
const documentsOf = async (subscriptionId: string) =>
  (await api<Documents>('/api/invoices?limit=20').catch((): Documents => ({ items: [] }))).items.filter(
    (i) => i.subscriptionId === subscriptionId,
  );

/**
 * Call before a change that moves money; once it is done, the function it returns gives the
 * receipt: the subscription's invoices or credit notes that were not there before.
 */
export async function beforeChange(subscriptionId: string | null) {
  const known = new Set(subscriptionId ? (await documentsOf(subscriptionId)).map((d) => d.id) : []);
  return async (doneId: string, quote: Pick<ChangeQuote, 'money' | 'total'> | null): Promise<Receipt | null> => {
    if (!quote || quote.money === 'none') return null;
    const kind = quote.money === 'charge' ? 'invoice' : 'credit_note';
    const issued = (await documentsOf(doneId)).filter((d) => d.kind === kind && !known.has(d.id));
    const total = issued.length
      ? { ...quote.total, amount: issued.reduce((sum, d) => sum + d.total.amount, 0) }
      : quote.total;
    return { money: quote.money, total, documents: issued.map(({ id, number, kind: k }) => ({ id, number, kind: k })) };
  };
}

/** The success message after a change, with what it cost or gave back and links to its documents. */
export function ReceiptBar({ text, receipt }: { text: string; receipt?: Receipt | null }) {
  const { t, money } = useT();
  const navigate = useNavigate();
  return (
    <NoticeBar intent="success" role="status">
      {text}
      {receipt && (
        <>
          {' '}
          {t(receipt.money === 'charge' ? 'receipt.charged' : 'receipt.refunded', { amount: money(receipt.total) })}
          {receipt.documents.map((d) => (
            <span key={d.id}>
              {' '}
              <Link
                href={`/billing/bills?tab=invoices&invoice=${d.id}`}
                onClick={(e) => {
                  e.preventDefault();
                  void navigate(`/billing/bills?tab=invoices&invoice=${d.id}`);
                }}
              >
                {t(`receipt.${d.kind}`, { number: d.number })}
              </Link>
            </span>
          ))}
          {receipt.documents.length > 0 && ` ${t('receipt.where')}`}
        </>
      )}
    </NoticeBar>
  );
}

/**
 * Runs a change of a subscription from its pane: one idempotency key per opening of the pane (a
 * double click or a retry never charges twice), the receipt once done, the refusal in words.
 */
export function useChangeRunner(subscriptionId: string, quote: ChangeQuote | null, open: boolean) {
  const { problem } = useT();
  const [key, setKey] = useState(newIdempotencyKey);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (useOpening(open)) {
    setError(null);
    setKey(newIdempotencyKey());
  }
  async function run(
    send: (key: string) => Promise<Subscription>,
    onDone: (s: Subscription, receipt: Receipt | null) => void,
  ) {
    setBusy(true);
    setError(null);
    try {
      const receipt = await beforeChange(subscriptionId);
      const done = await send(key);
      onDone(done, await receipt(done.id, quote));
    } catch (err) {
      setError(problem(err));
      setKey(keyAfter(err, key));
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, run };
}
