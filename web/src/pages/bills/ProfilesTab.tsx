import { useNavigate } from 'react-router-dom';
import { Link, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { useT } from '../../i18n';
import { useApi } from '../../useApi';
import { Loadable } from '../../components/Loadable';
import { useCardLabel } from './CardPanes';
import type { BillingProfile } from './types';
import { TableFrame } from '../../components/TableFrame';

/** Onglet "Profils de facturation": each profile opens its page. */
export function ProfilesTab() {
  const { t } = useT();
  const navigate = useNavigate();
  const label = useCardLabel();
  const { data, error } = useApi<{ items: BillingProfile[] }>('/api/billing-profiles');
  return (
    <Loadable data={data} error={error} empty={(d) => (d.items.length ? null : t('bp.none'))}>{(d) => (
    <TableFrame label={t('bills.tab.profiles')}>
      <Table aria-label={t('bills.tab.profiles')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('buy.profileName')}</TableHeaderCell>
            <TableHeaderCell>{t('bp.soldTo')}</TableHeaderCell>
            <TableHeaderCell>{t('bp.paymentMethod')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {d.items.map((bp) => (
            <TableRow key={bp.id}>
              <TableCell>
                <Link href={`/billing/bills/profiles/${bp.id}`} onClick={(e) => { e.preventDefault(); void navigate(`/billing/bills/profiles/${bp.id}`); }}>{bp.name}</Link>
              </TableCell>
              <TableCell>{bp.address.line1}, {bp.address.postalCode} {bp.address.city}, {bp.country}</TableCell>
              <TableCell>{bp.paymentMethod ? label(bp.paymentMethod) : '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableFrame>
    )}</Loadable>
  );
}
