import { useNavigate } from 'react-router-dom';
import { Link } from '@fluentui/react-components';
import { useT } from '../i18n';
import { useApi } from '../useApi';
import { PageHeader } from '../components/PageHeader';
import { Loadable } from '../components/Loadable';
import { DataTable } from '../components/DataTable';
import { StatusBadge } from './products/StatusBadge';
import type { Item } from '../api/types';

export type LicensePool = Item<'/api/licenses'>;

/** Facturation > Licences: each subscription with its assigned and available licenses. */
export default function Licenses() {
  const { t, number } = useT();
  const navigate = useNavigate();
  const { data, error } = useApi<{ items: LicensePool[] }>('/api/licenses');
  return (
    <>
      <PageHeader title={t('page.licenses')} />
      <Loadable data={data} error={error} empty={(d) => (d.items.length ? null : t('lic.none'))}>
        {(d) => (
          <DataTable
            label={t('page.licenses')}
            items={d.items}
            rowId={(l) => l.subscriptionId}
            columns={[
              {
                id: 'product',
                header: t('lic.col.product'),
                sortBy: (l) => l.product.name,
                controls: 'one',
                cell: (l) => (
                  <Link
                    href={`/billing/licenses/${l.subscriptionId}`}
                    onClick={(e) => {
                      e.preventDefault();
                      void navigate(`/billing/licenses/${l.subscriptionId}`);
                    }}
                  >
                    {l.product.name}
                  </Link>
                ),
              },
              {
                id: 'assigned',
                header: t('lic.col.assigned'),
                sortBy: (l) => l.assigned,
                cell: (l) => number(l.assigned),
              },
              {
                id: 'available',
                header: t('lic.col.available'),
                sortBy: (l) => l.available,
                cell: (l) => number(l.available),
              },
              { id: 'total', header: t('lic.col.total'), sortBy: (l) => l.total, cell: (l) => number(l.total) },
              {
                id: 'status',
                header: t('products.col.status'),
                sortBy: (l) => t(`status.${l.status}`),
                cell: (l) => <StatusBadge status={l.status} />,
              },
            ]}
          />
        )}
      </Loadable>
    </>
  );
}
