import { useNavigate } from 'react-router-dom';
import { Link, MessageBar, MessageBarBody, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { useT } from '../../i18n';
import { useApi } from '../../useApi';
import { useCardLabel } from './CardPanes';
import type { BillingProfile } from './types';

/** Onglet "Profils de facturation": each profile opens its page. */
export function ProfilesTab() {
  const { t, problem } = useT();
  const navigate = useNavigate();
  const label = useCardLabel();
  const { data, error } = useApi<{ items: BillingProfile[] }>('/api/billing-profiles');
  if (error) return <MessageBar intent="error"><MessageBarBody>{problem(error)}</MessageBarBody></MessageBar>;
  if (!data) return <Spinner label={t('common.loading')} />;
  if (data.items.length === 0) return <p>{t('bp.none')}</p>;
  return (
    <Table aria-label={t('bills.tab.profiles')}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('buy.profileName')}</TableHeaderCell>
          <TableHeaderCell>{t('bp.soldTo')}</TableHeaderCell>
          <TableHeaderCell>{t('bp.paymentMethod')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {data.items.map((bp) => (
          <TableRow key={bp.id}>
            <TableCell>
              <Link href={`/billing/bills/profiles/${bp.id}`} onClick={(e) => { e.preventDefault(); navigate(`/billing/bills/profiles/${bp.id}`); }}>{bp.name}</Link>
            </TableCell>
            <TableCell>{bp.address.line1}, {bp.address.postalCode} {bp.address.city}, {bp.country}</TableCell>
            <TableCell>{bp.paymentMethod ? label(bp.paymentMethod) : '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
