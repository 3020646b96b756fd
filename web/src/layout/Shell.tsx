import { Suspense, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import {
  Button, NavCategory, NavCategoryItem, NavDrawer, NavDrawerBody, NavItem, NavSubItem, NavSubItemGroup,
  Spinner, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import { useT } from '../i18n';
import { isAdminRole, useSession } from '../session';
import { LanguageSwitch } from './LanguageSwitch';
import { Notifications } from './Notifications';
import { navExtensions } from './nav-extensions';

const useStyles = makeStyles({
  root: { display: 'grid', gridTemplateRows: 'auto 1fr', minHeight: '100vh' },
  header: {
    display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalL, padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorBrandBackground, color: tokens.colorNeutralForegroundOnBrand,
  },
  title: { flexGrow: 1, fontWeight: tokens.fontWeightSemibold },
  body: { display: 'grid', gridTemplateColumns: '260px 1fr' },
  main: { padding: tokens.spacingHorizontalXXL, backgroundColor: tokens.colorNeutralBackground2, minWidth: 0 },
  link: { textDecorationLine: 'none', color: 'inherit' },
});

/** A navigation entry: a real link (open in a new tab works) that the router follows in place. */
function Item({ to, value, children, sub }: { to: string; value: string; children: ReactNode; sub?: boolean }) {
  const navigate = useNavigate();
  const Comp = sub ? NavSubItem : NavItem;
  return (
    <Comp
      as="a"
      href={to}
      value={value}
      onClick={(e: React.MouseEvent) => {
        if (e.ctrlKey || e.metaKey || e.shiftKey) return;
        e.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </Comp>
  );
}

/** The navigation entry a page belongs to: /billing/products/123 lights up Products. */
const sectionOf = (pathname: string) => pathname.split('/').slice(0, 3).join('/') || '/';

export function Shell({ children }: { children: ReactNode }) {
  const styles = useStyles();
  const { t } = useT();
  const { me, signOut } = useSession();
  const { pathname } = useLocation();
  if (!me) return null;
  const admin = isAdminRole(me.person.role);

  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <Text className={styles.title}>{t('app.title')} · {me.organization.name}</Text>
        <Notifications />
        <Text>{me.person.displayName}</Text>
        <div style={{ color: tokens.colorNeutralForeground1, background: tokens.colorNeutralBackground1, borderRadius: 4, padding: '0 8px 4px' }}>
          <LanguageSwitch />
        </div>
        <Button onClick={() => void signOut()}>{t('signout')}</Button>
      </header>
      <div className={styles.body}>
        <NavDrawer open type="inline" selectedValue={sectionOf(pathname)} defaultOpenCategories={['billing', 'admin']} aria-label={t('nav.label')}>
          <NavDrawerBody>
            <Item to="/" value="/">{t('nav.home')}</Item>
            <NavCategory value="billing">
              <NavCategoryItem>{t('nav.billing')}</NavCategoryItem>
              <NavSubItemGroup>
                <Item sub to="/billing/products" value="/billing/products">{t('nav.products')}</Item>
                <Item sub to="/billing/licenses" value="/billing/licenses">{t('nav.licenses')}</Item>
                <Item sub to="/billing/bills" value="/billing/bills">{t('nav.billsPayments')}</Item>
              </NavSubItemGroup>
            </NavCategory>
            {admin && (
              <NavCategory value="admin">
                <NavCategoryItem>{t('nav.admin')}</NavCategoryItem>
                <NavSubItemGroup>
                  {navExtensions.admin.map((e) => <Item sub key={e.to} to={e.to} value={e.to}>{t(e.label)}</Item>)}
                </NavSubItemGroup>
              </NavCategory>
            )}
          </NavDrawerBody>
        </NavDrawer>
        <main className={styles.main}>
          <Suspense fallback={<Spinner label={t('common.loading')} />}>{children}</Suspense>
        </main>
      </div>
    </div>
  );
}
