import { useNavigate } from 'react-router-dom';
import { Body1, Button, Card, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useT } from '../../i18n';
import { useSession } from '../../session';
import { useApi } from '../../useApi';
import { PageHeader } from '../../components/PageHeader';
import { Loadable } from '../../components/Loadable';
import { Insights } from '../../components/Insights';
import type { Subscription } from '../products/types';
import type { Answer } from '../../api/types';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))',
    gap: tokens.spacingHorizontalL,
    margin: `${tokens.spacingVerticalL} 0`,
  },
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  links: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', marginTop: tokens.spacingVerticalXXL },
});

/** The admin area's first page: what members bought, product by product, and where to go next. */
export default function AdminHome() {
  const styles = useStyles();
  const navigate = useNavigate();
  const { t } = useT();
  const { me } = useSession();
  const { data, error } = useApi<Answer<'/api/admin/self-service-purchases/by-product'>>(
    '/api/admin/self-service-purchases/by-product',
  );
  // every subscription of the organization, for licenses used against bought and what the unused ones cost
  const subs = useApi<{ items: Subscription[] }>('/api/subscriptions');
  return (
    <>
      <PageHeader title={t('admin.title')} />
      <Body1>{t('admin.intro', { org: me!.organization.name })}</Body1>
      <Loadable data={data} error={error} empty={(d) => (d.items.length ? null : t('adm.none'))}>
        {(d) => (
          <div className={styles.grid}>
            {d.items.map((g) => (
              <Card key={g.product.id} className={styles.card}>
                <Text weight="semibold">{g.product.name}</Text>
                <Text>
                  {t('adm.summary', { purchases: g.purchases, total: g.totalLicenses, assigned: g.assigned })}
                </Text>
              </Card>
            ))}
          </div>
        )}
      </Loadable>
      {subs.data && <Insights subscriptions={subs.data.items} spend="organization" />}
      <div className={styles.links}>
        <Button appearance="primary" onClick={() => void navigate('/admin/purchases')}>
          {t('nav.adminPurchases')}
        </Button>
        <Button onClick={() => void navigate('/admin/settings')}>{t('adm.settings.title')}</Button>
        <Button onClick={() => void navigate('/admin/audit')}>{t('nav.adminAudit')}</Button>
      </div>
    </>
  );
}
