import { useState } from 'react';
import { useLocation, useParams } from 'react-router-dom';
import {
  Button,
  Card,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Spinner,
  Switch,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { MoreHorizontal20Regular } from '@fluentui/react-icons';
import { api } from '../../api';
import { useT } from '../../i18n';
import { useApi } from '../../useApi';
import { PageHeader } from '../../components/PageHeader';
import { AppLink } from '../../components/AppLink';
import { NoticeBar } from '../../components/NoticeBar';
import { CancelPane } from './CancelPane';
import { LicenseTotalPane, type TotalMode } from './LicenseTotalPane';
import { ReactivatePane } from './ReactivatePane';
import { ReceiptBar, type Receipt } from '../../components/ChangeQuote';
import { useCardLabel, useProfileLabel } from '../../components/labels';
import { StatusBadge } from './StatusBadge';
import type { Subscription } from './types';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', marginBottom: tokens.spacingVerticalL },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

/** One subscription: its licenses, dates, billing, and the guide's actions on it. */
export default function SubscriptionDetails() {
  const { id } = useParams();
  const styles = useStyles();
  const { t, date, money, problem, number } = useT();
  const cardLabel = useCardLabel();
  const profileLabel = useProfileLabel();
  const { data: sub, error, reload } = useApi<Subscription>(`/api/subscriptions/${id}`);
  const [pane, setPane] = useState<TotalMode | null>(null);
  const [canceling, setCanceling] = useState(false);
  const [reactivating, setReactivating] = useState(false);
  const { state } = useLocation() as { state: { notice?: string; receipt?: Receipt } | null };
  const [notice, setNotice] = useState<{ text: string; receipt: Receipt | null } | null>(
    state?.notice ? { text: state.notice, receipt: state.receipt ?? null } : null,
  );
  const [actionError, setActionError] = useState<string | null>(null);

  if (error) return <NoticeBar intent="error">{problem(error)}</NoticeBar>;
  if (!sub) return <Spinner label={t('common.loading')} />;
  // read again rather than taken from the answer: GET says what may be done next
  const changed = (_: Subscription, receipt: Receipt | null = null) => {
    reload();
    setPane(null);
    setCanceling(false);
    setReactivating(false);
    setNotice({ text: t('sub.saved'), receipt });
  };
  const act = async (run: () => Promise<Subscription>) => {
    setActionError(null);
    try {
      changed(await run());
    } catch (err) {
      setActionError(problem(err));
    }
  };
  const can = sub.can;

  return (
    <>
      <AppLink to="/billing/products">{t('sub.back')}</AppLink>
      <PageHeader title={sub.product.name}>
        <StatusBadge status={sub.status} />
      </PageHeader>
      <div className={styles.actions}>
        {can?.changeLicenses && <Button onClick={() => setPane('buy')}>{t('sub.buyLicenses')}</Button>}
        {can?.changeLicenses && <Button onClick={() => setPane('remove')}>{t('sub.removeLicenses')}</Button>}
        {can?.reactivate && (
          <Button appearance="primary" onClick={() => setReactivating(true)}>
            {t('sub.reactivate')}
          </Button>
        )}
        {can?.cancel && (
          <Menu>
            <MenuTrigger disableButtonEnhancement>
              <Button appearance="subtle" icon={<MoreHorizontal20Regular />} aria-label={t('products.moreActions')} />
            </MenuTrigger>
            <MenuPopover>
              <MenuList>
                <MenuItem onClick={() => setCanceling(true)}>{t('sub.cancel')}</MenuItem>
              </MenuList>
            </MenuPopover>
          </Menu>
        )}
      </div>
      {can?.reason && <NoticeBar intent="info">{t(`can.${can.reason}`, { buyer: sub.buyer.displayName })}</NoticeBar>}
      {notice && <ReceiptBar text={notice.text} receipt={notice.receipt} />}
      {actionError && <NoticeBar intent="error">{actionError}</NoticeBar>}
      <div className={styles.grid}>
        <Card className={styles.card}>
          <Text weight="semibold">{t('sub.total')}</Text>
          <Text size={600} aria-label={t('sub.total')}>
            {number(sub.total)}
          </Text>
          <Text>
            {t('label.value', { label: t('sub.assigned'), value: number(sub.assigned) })} ·{' '}
            {t('label.value', { label: t('sub.available'), value: number(sub.available) })}
          </Text>
          {sub.pendingTotal !== null && (
            <Text>{t('sub.pendingTotal', { date: date(sub.termEnd), total: sub.pendingTotal })}</Text>
          )}
        </Card>
        <Card className={styles.card}>
          <Text weight="semibold">{t('sub.termDates')}</Text>
          <Text>
            {date(sub.termStart)} – {date(sub.termEnd)}
          </Text>
          <Text>
            {t('label.value', { label: t('sub.term'), value: t(`term.${sub.term}`) })} ·{' '}
            {t('perLicenseMonth', { price: money(sub.price) })}
          </Text>
          {sub.canceledAt && <Text>{t('sub.canceledOn', { date: date(sub.canceledAt) })}</Text>}
        </Card>
        <Card className={styles.card}>
          <Text weight="semibold">{t('sub.nextCharge')}</Text>
          <Text>
            {sub.nextCharge
              ? t('sub.nextChargeValue', { amount: money(sub.nextCharge.amount), date: date(sub.nextCharge.date) })
              : t('sub.noNextCharge')}
          </Text>
          <Switch
            label={t('sub.autoRenew')}
            checked={sub.autoRenew}
            disabled={!can?.autoRenew}
            onChange={(_, d) =>
              void act(() =>
                api(`/api/subscriptions/${sub.id}/auto-renew`, { method: 'PUT', body: { enabled: d.checked } }),
              )
            }
          />
        </Card>
        <Card className={styles.card}>
          <Text weight="semibold">{t('sub.billingProfile')}</Text>
          <Text>{sub.billingProfile ? profileLabel(sub.billingProfile) : '—'}</Text>
          <Text weight="semibold">{t('sub.paymentMethod')}</Text>
          <Text>{sub.paymentMethod ? cardLabel(sub.paymentMethod) : t('sub.noCard')}</Text>
        </Card>
      </div>
      <LicenseTotalPane
        subscription={sub}
        mode={pane}
        onClose={() => setPane(null)}
        onSwitch={setPane}
        onDone={changed}
      />
      <ReactivatePane subscription={sub} open={reactivating} onClose={() => setReactivating(false)} onDone={changed} />
      <CancelPane subscription={canceling ? sub : null} onClose={() => setCanceling(false)} onDone={changed} />
    </>
  );
}
