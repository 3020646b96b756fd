import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import {
  Badge,
  Button,
  Menu,
  MenuButton,
  MenuItem,
  MenuItemCheckbox,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Tab,
  TabList,
  Toolbar,
} from '@fluentui/react-components';
import { Filter24Regular, MoreHorizontal20Regular, Add20Regular } from '@fluentui/react-icons';
import { useT } from '../i18n';
import { useApi } from '../useApi';
import { PageHeader } from '../components/PageHeader';
import { ListTable } from '../components/ListTable';
import { CancelPane } from './products/CancelPane';
import { ReceiptBar, type Receipt } from '../components/ChangeQuote';
import { PurchasePane } from './admin/PurchasePane';
import { useSession } from '../session';
import { StatusBadge } from './products/StatusBadge';
import type { Subscription } from './products/types';
import type { Item } from '../api/types';
import { dateColumn } from '../components/DataTable';
import { AppLink } from '../components/AppLink';
import { Insights } from '../components/Insights';

/** Facturation > Produits: the person's subscriptions, the self-service filter and each one's actions. */
export default function Products() {
  const { t, money } = useT();
  const navigate = useNavigate();
  const [filters, setFilters] = useState<Record<string, string[]>>({ filter: [] });
  const selfService = filters.filter!.includes('selfService');
  const { data, error, reload } = useApi<{ items: Subscription[] }>(
    `/api/subscriptions${selfService ? '?selfService=true' : ''}`,
  );
  // "Acheter un produit" only for someone who may buy or try something that is for sale
  const catalog = useApi<{ items: Item<'/api/products'>[] }>('/api/products');
  const mayBuy = catalog.data?.items.some((p) => p.can.buy || p.can.trial) ?? false;
  const [canceling, setCanceling] = useState<Subscription | null>(null);
  const [notice, setNotice] = useState<{ text: string; receipt: Receipt | null } | null>(null);
  const [viewing, setViewing] = useState<string | null>(null);
  const { me } = useSession();

  return (
    <>
      <PageHeader title={t('page.products')}>
        {mayBuy && (
          <Button appearance="primary" icon={<Add20Regular />} onClick={() => void navigate('/billing/products/buy')}>
            {t('products.buy')}
          </Button>
        )}
      </PageHeader>
      <TabList selectedValue="products">
        <Tab value="products">{t('products.tab')}</Tab>
      </TabList>
      <Toolbar>
        <Menu
          checkedValues={filters}
          onCheckedValueChange={(_, d) => setFilters({ ...filters, [d.name]: d.checkedItems })}
        >
          <MenuTrigger disableButtonEnhancement>
            <MenuButton
              appearance="subtle"
              icon={<Filter24Regular />}
              aria-label={t('products.filter')}
              menuIcon={null}
            >
              {selfService ? t('products.filter.selfService') : undefined}
            </MenuButton>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              <MenuItemCheckbox name="filter" value="selfService">
                {t('products.filter.selfService')}
              </MenuItemCheckbox>
            </MenuList>
          </MenuPopover>
        </Menu>
      </Toolbar>
      {notice && <ReceiptBar text={notice.text} receipt={notice.receipt} />}
      <ListTable
        data={data}
        error={error}
        empty={t('products.none')}
        label={t('products.tab')}
        rowId={(s) => s.id}
        columns={[
          {
            id: 'name',
            header: t('products.col.name'),
            sortBy: (s) => s.product.name,
            controls: 'one',
            cell: (s) => (
              <>
                {/* a member's purchase is read-only for admins: its pane, not its page */}
                <AppLink
                  to={`/billing/products/${s.id}`}
                  onClick={s.buyer.id !== me?.person.id ? () => setViewing(s.id) : undefined}
                >
                  {s.product.name}
                </AppLink>
                {s.selfService && (
                  <Badge appearance="tint" size="small" style={{ marginLeft: 8 }}>
                    {t('products.filter.selfService')}
                  </Badge>
                )}
              </>
            ),
          },
          {
            id: 'licenses',
            header: t('products.col.licenses'),
            sortBy: (s) => s.total,
            cell: (s) => t('products.licensesOf', { assigned: s.assigned, total: s.total }),
          },
          {
            id: 'status',
            header: t('products.col.status'),
            sortBy: (s) => t(`status.${s.status}`),
            cell: (s) => <StatusBadge status={s.status} />,
          },
          dateColumn('expires', t('products.col.expires'), (s: Subscription) => s.termEnd),
          {
            id: 'price',
            header: t('products.col.price'),
            sortBy: (s) => s.price.amount,
            cell: (s) => t('perLicenseMonth', { price: money(s.price) }),
          },
          {
            id: 'actions',
            header: t('products.moreActions'),
            hideHeader: true,
            controls: 'one',
            cell: (s) =>
              s.can?.cancel && (
                <Menu>
                  <MenuTrigger disableButtonEnhancement>
                    <Button
                      appearance="subtle"
                      icon={<MoreHorizontal20Regular />}
                      aria-label={`${t('products.moreActions')}: ${s.product.name}`}
                    />
                  </MenuTrigger>
                  <MenuPopover>
                    <MenuList>
                      <MenuItem onClick={() => setCanceling(s)}>{t('sub.cancel')}</MenuItem>
                    </MenuList>
                  </MenuPopover>
                </Menu>
              ),
          },
        ]}
      />
      {data && <Insights subscriptions={data.items} />}
      <PurchasePane id={viewing} onClose={() => setViewing(null)} onChanged={reload} />
      <CancelPane
        subscription={canceling}
        onClose={() => setCanceling(null)}
        onDone={(_, receipt) => {
          setCanceling(null);
          setNotice({ text: t('sub.saved'), receipt });
          reload();
        }}
      />
    </>
  );
}
