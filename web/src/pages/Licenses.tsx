import { useT } from '../i18n';
import { useApi } from '../useApi';
import { PageHeader } from '../components/PageHeader';
import { ListTable } from '../components/ListTable';
import { linkColumn } from '../components/DataTable';
import { StatusBadge } from './products/StatusBadge';
import type { Item } from '../api/types';

export type LicensePool = Item<'/api/licenses'>;

/** Facturation > Licences: each subscription with its assigned and available licenses. */
export default function Licenses() {
  const { t, number } = useT();
  const { data, error } = useApi<{ items: LicensePool[] }>('/api/licenses');
  return (
    <>
      <PageHeader title={t('page.licenses')} />
      <ListTable
        data={data}
        error={error}
        empty={t('lic.none')}
        label={t('page.licenses')}
        rowId={(l) => l.subscriptionId}
        columns={[
          linkColumn(
            'product',
            t('lic.col.product'),
            (l: LicensePool) => l.product.name,
            (l) => `/billing/licenses/${l.subscriptionId}`,
          ),
          // the three counts, each in the reader's digits
          ...(['assigned', 'available', 'total'] as const).map((count) => ({
            id: count,
            header: t(`lic.col.${count}`),
            sortBy: (l: LicensePool) => l[count],
            cell: (l: LicensePool) => number(l[count]),
          })),
          {
            id: 'status',
            header: t('products.col.status'),
            sortBy: (l) => t(`status.${l.status}`),
            cell: (l) => <StatusBadge status={l.status} />,
          },
        ]}
      />
    </>
  );
}
