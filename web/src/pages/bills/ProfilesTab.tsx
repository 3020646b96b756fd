import { useT } from '../../i18n';
import { useApi } from '../../useApi';
import { ListTable } from '../../components/ListTable';
import { useCardLabel } from './CardPanes';
import type { BillingProfile } from './types';
import { linkColumn } from '../../components/DataTable';
import { useCountryName } from '../../hooks/useCountryName';

/** Onglet "Profils de facturation": each profile opens its page. */
export function ProfilesTab() {
  const { t } = useT();
  const countryName = useCountryName();
  const label = useCardLabel();
  const { data, error } = useApi<{ items: BillingProfile[] }>('/api/billing-profiles');
  return (
    <ListTable
      data={data}
      error={error}
      empty={t('bp.none')}
      label={t('bills.tab.profiles')}
      rowId={(bp) => bp.id}
      columns={[
        linkColumn(
          'name',
          t('buy.profileName'),
          (bp: BillingProfile) => bp.name,
          (bp) => `/billing/bills/profiles/${bp.id}`,
        ),
        {
          id: 'soldTo',
          header: t('bp.soldTo'),
          cell: (bp) => `${bp.address.line1}, ${bp.address.postalCode} ${bp.address.city}, ${countryName(bp.country)}`,
        },
        {
          id: 'paymentMethod',
          header: t('bp.paymentMethod'),
          cell: (bp) => (bp.paymentMethod ? label(bp.paymentMethod) : '—'),
        },
      ]}
    />
  );
}
