import { useSearchParams } from 'react-router-dom';
import { Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { useT } from '../i18n';
import { PageHeader } from '../components/PageHeader';
import { InvoicesTab } from './bills/InvoicesTab';
import { PaymentMethodsTab } from './bills/PaymentMethodsTab';
import { ProfilesTab } from './bills/ProfilesTab';

const TABS = { invoices: InvoicesTab, methods: PaymentMethodsTab, profiles: ProfilesTab } as const;
type TabName = keyof typeof TABS;
// the three tabs wrap on a phone rather than push the page sideways
const useStyles = makeStyles({ tabs: { flexWrap: 'wrap', marginBottom: tokens.spacingVerticalL } });

/** Facturation > Factures et paiements: Factures, Modes de paiement, Profils de facturation. */
export default function BillsPayments() {
  const { t } = useT();
  const styles = useStyles();
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  // an unknown tab in the address shows the invoices
  const tab: TabName = asked !== null && Object.hasOwn(TABS, asked) ? (asked as TabName) : 'invoices';
  const Current = TABS[tab];
  return (
    <>
      <PageHeader title={t('page.billsPayments')} />
      <TabList selectedValue={tab} onTabSelect={(_, d) => setParams({ tab: String(d.value) })} className={styles.tabs}>
        <Tab value="invoices">{t('bills.tab.invoices')}</Tab>
        <Tab value="methods">{t('bills.tab.methods')}</Tab>
        <Tab value="profiles">{t('bills.tab.profiles')}</Tab>
      </TabList>
      <Current />
    </>
  );
}
