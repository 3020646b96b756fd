import { useId, useMemo } from 'react';
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useT } from '../i18n';
import { useApi } from '../useApi';
import type { Answer } from '../api/types';
import type { Money, Subscription } from '../pages/products/types';

const useStyles = makeStyles({
  section: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 360px), 1fr))',
    gap: tokens.spacingHorizontalXXL,
    marginTop: tokens.spacingVerticalXXL,
  },
  figure: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  caption: { fontWeight: tokens.fontWeightSemibold },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  bar: {
    display: 'flex',
    height: '12px',
    borderRadius: tokens.borderRadiusSmall,
    overflow: 'hidden',
    backgroundColor: tokens.colorNeutralBackground5,
  },
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
      {parts.map((p, i) => (
        <div key={i} className={p.className} style={{ width: `${Math.max(0, Math.min(100, p.share * 100))}%` }} />
      ))}
    </div>
  );
};

interface Use {
  product: string;
  bought: number;
  used: number;
  idle: Money | null;
}

/** Per product: licenses bought and used, and what the unused ones cost a month (running subscriptions only). */
export function licenseUse(subs: Subscription[]): Use[] {
  const by = new Map<string, Use>();
  for (const s of subs) {
    if (s.status !== 'active' && s.status !== 'trial' && s.status !== 'expired') continue;
    const u = by.get(s.product.name) ?? { product: s.product.name, bought: 0, used: 0, idle: null };
    u.bought += s.total;
    u.used += s.assigned;
    // a trial's idle licenses cost nothing
    if (s.status !== 'trial')
      u.idle = { currency: s.price.currency, amount: (u.idle?.amount ?? 0) + (s.total - s.assigned) * s.price.amount };
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
      <Text id="license-use" className={styles.caption}>
        {t('insights.use.title')}
      </Text>
      {currency && <Text>{t('insights.use.idle', { amount: money({ amount: idle, currency }) })}</Text>}
      <ul className={styles.list}>
        {use.map((u) => (
          <li key={u.product} className={styles.item}>
            <Text>
              {t('insights.use.item', {
                product: u.product,
                used: u.used,
                bought: u.bought,
                unused: u.bought - u.used,
                cost: u.idle ? money(u.idle) : '—',
              })}
            </Text>
            <Bar
              parts={[
                { share: u.bought ? u.used / u.bought : 0, className: styles.used },
                { share: u.bought ? 1 - u.used / u.bought : 0, className: styles.unused },
              ]}
            />
          </li>
        ))}
      </ul>
    </figure>
  );
}

type Spend = Answer<'/api/invoices/spend'>;
type MonthSpend = Spend['items'][number]['months'][number];

/** One currency's spend month by month: a bar for the eye, the amount written beside it for everyone. */
function SpendFigure({ title, months, total }: { title: string; months: MonthSpend[]; total: Money }) {
  const styles = useStyles();
  const { t, money, intl } = useT();
  const id = useId();
  const top = Math.max(1, ...months.map((m) => m.spend.amount));
  return (
    <figure className={styles.figure} aria-labelledby={id}>
      <Text id={id} className={styles.caption}>
        {title}
      </Text>
      <Text>{t('insights.spend.total', { amount: money(total) })}</Text>
      <ul className={styles.list}>
        {months.map((m) => (
          <li key={m.month} className={styles.row}>
            <Text>
              {intl.formatDate(new Date(`${m.month}-01T00:00:00Z`), {
                month: 'short',
                year: 'numeric',
                timeZone: 'UTC',
              })}
            </Text>
            <div aria-hidden>
              <div className={styles.spend} style={{ width: `${(Math.max(0, m.spend.amount) / top) * 100}%` }} />
            </div>
            <Text>{money(m.spend)}</Text>
          </li>
        ))}
      </ul>
    </figure>
  );
}

const SPEND_TITLES = {
  mine: ['insights.spend.title', 'insights.spend.titleIn'],
  organization: ['insights.orgSpend.title', 'insights.orgSpend.titleIn'],
} as const;

/**
 * The spend of the last twelve months, summed by the server (one's own invoices, or the whole
 * organization's for the admin overview): a figure per currency, never added across.
 */
function SpendCharts({ whose }: { whose: 'mine' | 'organization' }) {
  const { t } = useT();
  const { data } = useApi<Spend>(whose === 'mine' ? '/api/invoices/spend' : '/api/admin/spend');
  if (!data) return null;
  const several = data.items.length > 1;
  const [title, titleIn] = SPEND_TITLES[whose];
  return data.items.map((s) => (
    <SpendFigure
      key={s.currency}
      months={s.months}
      total={s.total}
      title={several ? t(titleIn, { currency: s.currency }) : t(title)}
    />
  ));
}

/** Where the money goes: licenses used against bought, and the spend of the last twelve months (one's own, or the organization's). */
export function Insights({
  subscriptions,
  spend = 'mine',
}: {
  subscriptions: Subscription[];
  spend?: 'mine' | 'organization';
}) {
  const styles = useStyles();
  const { t } = useT();
  return (
    <section className={styles.section} aria-label={t('insights.title')}>
      <LicenseUseChart subscriptions={subscriptions} />
      <SpendCharts whose={spend} />
    </section>
  );
}
