import { useSearchParams } from 'react-router-dom';
import { Tab, TabList } from '@fluentui/react-components';
import { useT } from '../i18n';
import { PageHeader } from '../components/PageHeader';
import { InvoicesTab } from './bills/InvoicesTab';
import { PaymentMethodsTab } from './bills/PaymentMethodsTab';
import { ProfilesTab } from './bills/ProfilesTab';

const TABS = { invoices: InvoicesTab, methods: PaymentMethodsTab, profiles: ProfilesTab } as const;
type TabName = keyof typeof TABS;

/** Facturation > Factures et paiements: Factures, Modes de paiement, Profils de facturation. */
export default function BillsPayments() {
  const { t } = useT();
  const [params, setParams] = useSearchParams();
  const tab = (params.get('tab') ?? 'invoices') as TabName;
  const Current = TABS[tab] ?? InvoicesTab;
  return (
    <>
      <PageHeader title={t('page.billsPayments')} />
      <TabList selectedValue={tab} onTabSelect={(_, d) => setParams({ tab: String(d.value) })} style={{ marginBottom: 16 }}>
        <Tab value="invoices">{t('bills.tab.invoices')}</Tab>
        <Tab value="methods">{t('bills.tab.methods')}</Tab>
        <Tab value="profiles">{t('bills.tab.profiles')}</Tab>
      </TabList>
      <Current />
    </>
  );
}
