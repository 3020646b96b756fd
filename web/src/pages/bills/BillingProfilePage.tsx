import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Button, Card, Spinner, Text, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { useT } from '../../i18n';
import { useApi } from '../../useApi';
import { PageHeader } from '../../components/PageHeader';
import { AppLink } from '../../components/AppLink';
import { NoticeBar } from '../../components/NoticeBar';
import { useCountryName } from '../../hooks/useCountryName';
import { EditCardPane, ReplaceCardPane, useCardLabel } from './CardPanes';
import { ProfilePane } from './ProfilePane';
import type { BillingProfile } from './types';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(280px, 1fr))',
    gap: tokens.spacingHorizontalL,
    marginTop: tokens.spacingVerticalM,
  },
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

/** A billing profile's details; under "Mode de paiement": "Modifier" or "Remplacer". */
export default function BillingProfilePage() {
  const { id } = useParams();
  const styles = useStyles();
  const { t, date, problem } = useT();
  const label = useCardLabel();
  const countryName = useCountryName();
  const { data: bp, error, reload } = useApi<BillingProfile>(`/api/billing-profiles/${id}`);
  const [editing, setEditing] = useState(false);
  const [replacing, setReplacing] = useState(false);
  const [editingProfile, setEditingProfile] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  if (error) return <NoticeBar intent="error">{problem(error)}</NoticeBar>;
  if (!bp) return <Spinner label={t('common.loading')} />;
  const done = (text: string) => {
    setEditing(false);
    setReplacing(false);
    setEditingProfile(false);
    setNotice(text);
    reload();
  };
  return (
    <>
      <AppLink to="/billing/bills?tab=profiles">{t('bp.back')}</AppLink>
      <PageHeader title={bp.name} />
      {notice && <NoticeBar intent="success">{notice}</NoticeBar>}
      <div className={styles.grid}>
        <Card className={styles.card}>
          <Title3 as="h2">{t('bp.paymentMethod')}</Title3>
          <Text>{bp.paymentMethod ? label(bp.paymentMethod) : t('bp.noCard')}</Text>
          <div className={styles.actions}>
            <Button disabled={!bp.paymentMethod} onClick={() => setEditing(true)}>
              {t('pm.edit')}
            </Button>
            <Button onClick={() => setReplacing(true)}>{t('bp.replace')}</Button>
          </div>
        </Card>
        <Card className={styles.card}>
          <Title3 as="h2">{t('bp.soldTo')}</Title3>
          <Text>{bp.address.line1}</Text>
          <Text>
            {bp.address.postalCode} {bp.address.city}, {countryName(bp.country)}
          </Text>
          <Text>{t('label.value', { label: t('bp.currency'), value: bp.currency })}</Text>
          {bp.invoiceEmail && <Text>{t('label.value', { label: t('bp.invoiceEmail'), value: bp.invoiceEmail })}</Text>}
          {bp.vatNumber && <Text>{t('label.value', { label: t('bp.vatNumber'), value: bp.vatNumber })}</Text>}
          <div className={styles.actions}>
            <Button onClick={() => setEditingProfile(true)}>{t('bp.edit')}</Button>
          </div>
        </Card>
        <Card className={styles.card}>
          <Title3 as="h2">{t('bp.subscriptions')}</Title3>
          {bp.subscriptions.map((s) => (
            <Text key={s.id}>
              {s.productName} · {s.quantity} · {t(`status.${s.status}`)} · {date(s.termEnd)}
            </Text>
          ))}
        </Card>
      </div>
      <EditCardPane
        editOnOpen
        card={editing ? bp.paymentMethod : null}
        onClose={() => setEditing(false)}
        onSaved={() => done(t('pm.saved'))}
      />
      <ProfilePane
        profile={bp}
        open={editingProfile}
        onClose={() => setEditingProfile(false)}
        onSaved={() => done(t('bp.saved'))}
      />
      <ReplaceCardPane
        profileId={bp.id}
        open={replacing}
        onClose={() => setReplacing(false)}
        onReplaced={() => done(t('bp.replaced'))}
      />
    </>
  );
}
