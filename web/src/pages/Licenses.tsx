import { useNavigate } from 'react-router-dom';
import { Link, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { useT } from '../i18n';
import { useApi } from '../useApi';
import { PageHeader } from '../components/PageHeader';
import { Loadable } from '../components/Loadable';
import { StatusBadge } from './products/StatusBadge';
import type { Item } from '../api/types';
import { TableFrame } from '../components/TableFrame';

export type LicensePool = Item<'/api/licenses'>;

/** Facturation > Licences: each subscription with its assigned and available licenses. */
export default function Licenses() {
  const { t, number } = useT();
  const navigate = useNavigate();
  const { data, error } = useApi<{ items: LicensePool[] }>('/api/licenses');
  return (
    <>
      <PageHeader title={t('page.licenses')} />
      <Loadable data={data} error={error} empty={(d) => (d.items.length ? null : t('lic.none'))}>{(d) => (
        <TableFrame label={t('page.licenses')}>
          <Table aria-label={t('page.licenses')}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('lic.col.product')}</TableHeaderCell>
                <TableHeaderCell>{t('lic.col.assigned')}</TableHeaderCell>
                <TableHeaderCell>{t('lic.col.available')}</TableHeaderCell>
                <TableHeaderCell>{t('lic.col.total')}</TableHeaderCell>
                <TableHeaderCell>{t('products.col.status')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {d.items.map((l) => (
                <TableRow key={l.subscriptionId}>
                  <TableCell>
                    <Link href={`/billing/licenses/${l.subscriptionId}`} onClick={(e) => { e.preventDefault(); void navigate(`/billing/licenses/${l.subscriptionId}`); }}>
                      {l.product.name}
                    </Link>
                  </TableCell>
                  <TableCell>{number(l.assigned)}</TableCell>
                  <TableCell>{number(l.available)}</TableCell>
                  <TableCell>{number(l.total)}</TableCell>
                  <TableCell><StatusBadge status={l.status} /></TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableFrame>
      )}</Loadable>
    </>
  );
}
