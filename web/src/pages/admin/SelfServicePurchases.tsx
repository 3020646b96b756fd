import { useState } from 'react';
import { Button, Dropdown, Field, Link, Option, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownload20Regular } from '@fluentui/react-icons';
import { useT } from '../../i18n';
import { useApi } from '../../useApi';
import { PageHeader } from '../../components/PageHeader';
import { ListTable } from '../../components/ListTable';
import { StatusBadge } from '../products/StatusBadge';
import { PurchasePane } from './PurchasePane';
import { dateColumn, textColumn } from '../../components/DataTable';
import type { Answer } from '../../api/types';

type Purchase = Answer<'/api/admin/self-service-purchases'>['items'][number];

const STATUSES = ['trial', 'active', 'expired', 'disabled', 'deleted'] as const;
const useStyles = makeStyles({
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
    margin: `${tokens.spacingVerticalM} 0`,
  },
});

/** The admin's read-only view of every self-service purchase, by product, buyer and status. */
export default function SelfServicePurchases() {
  const styles = useStyles();
  const { t, money } = useT();
  const [product, setProduct] = useState('');
  const [status, setStatus] = useState('');
  const query = new URLSearchParams({
    limit: '100',
    ...(product ? { productId: product } : {}),
    ...(status ? { status } : {}),
  });
  const { data, error, reload } = useApi<Answer<'/api/admin/self-service-purchases'>>(
    `/api/admin/self-service-purchases?${query}`,
  );
  const grouped = useApi<Answer<'/api/admin/self-service-purchases/by-product'>>(
    '/api/admin/self-service-purchases/by-product',
  );
  const [open, setOpen] = useState<string | null>(null);
  const productName = grouped.data?.items.find((g) => g.product.id === product)?.product.name;

  return (
    <>
      <PageHeader title={t('adm.purchases.title')}>
        <Button as="a" icon={<ArrowDownload20Regular />} href="/api/admin/self-service-purchases.csv">
          {t('adm.export')}
        </Button>
      </PageHeader>
      <Text>{t('adm.purchases.intro')}</Text>
      {grouped.data?.items.map((g) => (
        <Text block key={g.product.id}>
          {t('adm.byProduct', {
            product: g.product.name,
            purchases: g.purchases,
            total: g.totalLicenses,
            assigned: g.assigned,
          })}
        </Text>
      ))}
      <div className={styles.filters}>
        <Field label={t('adm.filter.product')}>
          <Dropdown
            value={productName ?? t('adm.filter.all')}
            selectedOptions={[product]}
            onOptionSelect={(_, d) => setProduct(d.optionValue ?? '')}
          >
            <Option value="">{t('adm.filter.all')}</Option>
            {(grouped.data?.items ?? []).map((g) => (
              <Option key={g.product.id} value={g.product.id}>
                {g.product.name}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label={t('adm.filter.status')}>
          <Dropdown
            value={status ? t(`status.${status}`) : t('adm.filter.all')}
            selectedOptions={[status]}
            onOptionSelect={(_, d) => setStatus(d.optionValue ?? '')}
          >
            <Option value="">{t('adm.filter.all')}</Option>
            {STATUSES.map((s) => (
              <Option key={s} value={s}>
                {t(`status.${s}`)}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
      <ListTable
        data={data}
        error={error}
        empty={t('adm.none')}
        label={t('adm.purchases.title')}
        rowId={(p) => p.id}
        columns={[
          {
            id: 'product',
            header: t('adm.col.product'),
            sortBy: (p) => p.product.name,
            controls: 'one',
            cell: (p) => <Link onClick={() => setOpen(p.id)}>{p.product.name}</Link>,
          },
          textColumn('buyer', t('adm.col.buyer'), (p: Purchase) => p.buyer.displayName),
          textColumn('licenses', t('adm.col.licenses'), (p: Purchase) => p.licensesPurchased),
          dateColumn('expires', t('adm.col.expires'), (p: Purchase) => p.expirationDate),
          {
            id: 'price',
            header: t('adm.col.price'),
            sortBy: (p) => p.purchasePrice.perLicense.amount,
            cell: (p) => money(p.purchasePrice.perLicense),
          },
          textColumn('users', t('adm.col.users'), (p: Purchase) => p.assignedUsers.length),
          {
            id: 'status',
            header: t('adm.filter.status'),
            sortBy: (p) => t(`status.${p.status}`),
            cell: (p) => <StatusBadge status={p.status} />,
          },
        ]}
      />
      <PurchasePane
        id={open}
        onClose={() => setOpen(null)}
        onChanged={() => {
          reload();
          grouped.reload();
        }}
      />
    </>
  );
}
