import { Card, Divider, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Answer, Item } from '../../api/types';
import { useT } from '../../i18n';
import type { Term } from './order';

const useStyles = makeStyles({
  summary: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  line: { display: 'flex', justifyContent: 'space-between' },
});

/** Beside the purchase form: price, tax (and the country it is for) and total; a trial's nothing to pay and when it ends. */
export function OrderSummary({
  product,
  term,
  trial,
  quote,
  country,
}: {
  product: Item<'/api/products'> | undefined;
  term: Term;
  trial: boolean;
  quote: Answer<'/api/subscriptions/quote'> | null;
  country: string | undefined;
}) {
  const styles = useStyles();
  const { t, money, date } = useT();
  // null when the term is not sold in the organization's currency: nothing to price, never 0
  const price = product?.prices[term] ?? null;
  return (
    <Card className={styles.summary} aria-label={t('buy.total')}>
      {quote && price && !trial ? (
        <>
          <div className={styles.line}>
            <Text>{t('buy.price')}</Text>
            <Text>{t('perLicenseMonth', { price: money(price) })}</Text>
          </div>
          <div className={styles.line}>
            <Text>{t('buy.subtotal')}</Text>
            <Text>{money(quote.subtotal)}</Text>
          </div>
          <div className={styles.line}>
            <Text>
              {t('buy.tax', { rate: `${quote.taxRateBp / 100} %` })}
              {country ? ` · ${country}` : ''}
            </Text>
            <Text>{money(quote.tax)}</Text>
          </div>
          <Divider />
          <div className={styles.line}>
            <Text weight="semibold">{t('buy.total')}</Text>
            <Text weight="semibold">{money(quote.total)}</Text>
          </div>
          <Text>
            {t('buy.when', { date: date(quote.termStart), start: date(quote.termStart), end: date(quote.termEnd) })}
          </Text>
        </>
      ) : (
        <>
          <div className={styles.line}>
            <Text weight="semibold">{t('buy.total')}</Text>
            <Text weight="semibold">{price && trial ? money({ amount: 0, currency: price.currency }) : '—'}</Text>
          </div>
          {product && trial && quote && (
            <Text>
              {t('buy.trialWhen', {
                date: date(new Date(Date.parse(quote.termStart) + product.trialDays * 86_400_000)),
              })}
            </Text>
          )}
        </>
      )}
    </Card>
  );
}
