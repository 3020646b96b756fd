import { useMemo } from 'react';
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useT } from '../i18n';
import { useApi } from '../useApi';
import type { Answer } from '../api/types';
import type { Money, Subscription } from '../pages/products/types';

const useStyles = makeStyles({
  section: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 360px), 1fr))', gap: tokens.spacingHorizontalXXL, marginTop: tokens.spacingVerticalXXL },
  figure: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  caption: { fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  bar: { display: 'flex', height: '12px', borderRadius: tokens.borderRadiusSmall, overflow: 'hidden', backgroundColor: tokens.colorNeutralBackground5 },
  used: { backgroundColor: tokens.colorBrandBackground },
  unused: { backgroundColor: tokens.colorPaletteRedBackground3 },
  spend: { backgroundColor: tokens.colorBrandBackground, borderRadius: tokens.borderRadiusSmall, height: '12px' },
  row: { display: 'grid', gridTemplateColumns: '6rem 1fr auto', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

/** Bars are drawn for the eye only: each item's text says the same numbers, which is what a screen reader reads. */
const Bar = ({ parts }: { parts: { share: number; className: string }[] }) => {
  const styles = useStyles();
  return (
    <div className={styles.bar} aria-hidden>
      {parts.map((p, i) => <div key={i} className={p.className} style={{ width: `${Math.max(0, Math.min(100, p.share * 100))}%` }} />)}
    </div>
  );
};

interface Use { product: string; bought: number; used: number; idle: Money | null }

/** Per product: licenses bought and used, and what the unused ones cost a month (running subscriptions only). */
export function licenseUse(subs: Subscription[]): Use[] {
  const by = new Map<string, Use>();
  for (const s of subs) {
    if (s.status !== 'active' && s.status !== 'trial' && s.status !== 'expired') continue;
    const u = by.get(s.product.name) ?? { product: s.product.name, bought: 0, used: 0, idle: null };
    u.bought += s.total;
    u.used += s.assigned;
    // a trial's idle licenses cost nothing
    if (s.status !== 'trial') u.idle = { currency: s.price.currency, amount: (u.idle?.amount ?? 0) + (s.total - s.assigned) * s.price.amount };
    by.set(s.product.name, u);
  }
  return [...by.values()].sort((a, b) => (b.idle?.amount ?? 0) - (a.idle?.amount ?? 0));
}

/** Licenses used against bought, product by product, and the money spent on licenses nobody uses. */
export function LicenseUseChart({ subscriptions }: { subscriptions: Subscription[] }) {
  const styles = useStyles();
  const { t, money } = useT();
  const use = useMemo(() => licenseUse(subscriptions), [subscriptions]);
  if (use.length === 0) return null;
  const idle = use.reduce((sum, u) => sum + (u.idle?.amount ?? 0), 0);
  const currency = use.find((u) => u.idle)?.idle?.currency;
  return (
    <figure className={styles.figure} aria-labelledby="license-use">
      <Text id="license-use" className={styles.caption}>{t('insights.use.title')}</Text>
      {currency && <Text>{t('insights.use.idle', { amount: money({ amount: idle, currency }) })}</Text>}
      <ul className={styles.list}>
        {use.map((u) => (
          <li key={u.product} className={styles.item}>
            <Text>{t('insights.use.item', {
              product: u.product, used: u.used, bought: u.bought, unused: u.bought - u.used,
              cost: u.idle ? money(u.idle) : '—',
            })}</Text>
            <Bar parts={[{ share: u.bought ? u.used / u.bought : 0, className: styles.used }, { share: u.bought ? 1 - u.used / u.bought : 0, className: styles.unused }]} />
          </li>
        ))}
      </ul>
    </figure>
  );
}

type InvoicePage = Answer<'/api/invoices'>;

/** What one's invoices cost, month by month over the last twelve (credit notes taken off). */
export function SpendChart() {
  const styles = useStyles();
  const { t, money, intl } = useT();
  const { data } = useApi<InvoicePage>('/api/invoices?months=12&limit=100');
  const months = useMemo(() => {
    if (!data) return [];
    const end = new Date(data.to);
    const keys = Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - 11 + i, 1)));
    const sums = new Map(keys.map((k) => [k.toISOString().slice(0, 7), 0]));
    for (const i of data.items) {
      if (i.status === 'void') continue;
      const key = i.issuedAt.slice(0, 7);
      if (sums.has(key)) sums.set(key, sums.get(key)! + (i.kind === 'credit_note' ? -1 : 1) * i.total.amount);
    }
    return keys.map((k) => ({ month: k, amount: sums.get(k.toISOString().slice(0, 7))! }));
  }, [data]);
  const currency = data?.items[0]?.total.currency;
  if (!currency) return null;
  const top = Math.max(1, ...months.map((m) => m.amount));
  const total = months.reduce((s, m) => s + m.amount, 0);
  return (
    <figure className={styles.figure} aria-labelledby="spend">
      <Text id="spend" className={styles.caption}>{t('insights.spend.title')}</Text>
      <Text>{t('insights.spend.total', { amount: money({ amount: total, currency }) })}</Text>
      <ul className={styles.list}>
        {months.map((m) => (
          <li key={m.month.toISOString()} className={styles.row}>
            <Text>{intl.formatDate(m.month, { month: 'short', year: 'numeric', timeZone: 'UTC' })}</Text>
            <div aria-hidden><div className={styles.spend} style={{ width: `${(Math.max(0, m.amount) / top) * 100}%` }} /></div>
            <Text>{money({ amount: m.amount, currency })}</Text>
          </li>
        ))}
      </ul>
    </figure>
  );
}

/** Where the money goes: licenses used against bought, and the spend of the last twelve months. */
export function Insights({ subscriptions, spend = true }: { subscriptions: Subscription[]; spend?: boolean }) {
  const styles = useStyles();
  const { t } = useT();
  return (
    <section className={styles.section} aria-label={t('insights.title')}>
      <LicenseUseChart subscriptions={subscriptions} />
      {spend && <SpendChart />}
    </section>
  );
}
