import { Suspense, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import {
  Button,
  Hamburger,
  NavCategory,
  NavCategoryItem,
  NavDrawer,
  NavDrawerBody,
  NavDrawerFooter,
  NavItem,
  NavSubItem,
  NavSubItemGroup,
  PortalMountNodeProvider,
  Spinner,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useNarrow } from '../hooks/useMedia';
import { useLoading } from '../hooks/useLoading';
import { useT } from '../i18n';
import { isAdminRole, useSession } from '../session';
import { LanguageSwitch } from './LanguageSwitch';
import { Notifications } from './Notifications';
import { navExtensions } from './nav-extensions';
import { useChanged } from '../hooks/useChanged';

const useStyles = makeStyles({
  root: { display: 'grid', gridTemplateRows: 'auto 1fr', minHeight: '100vh' },
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    minWidth: 0,
  },
  title: {
    flexGrow: 1,
    fontWeight: tokens.fontWeightSemibold,
    minWidth: 0,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  menu: { color: tokens.colorNeutralForegroundOnBrand },
  language: {
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    padding: '0 8px 4px',
  },
  body: { display: 'grid', gridTemplateColumns: '260px minmax(0, 1fr)' },
  narrowBody: { gridTemplateColumns: 'minmax(0, 1fr)' },
  // the drawer's background runs down the whole page, however long
  nav: { height: 'auto', minHeight: '100%' },
  footer: { display: 'flex', flexDirection: 'column', alignItems: 'stretch', gap: tokens.spacingVerticalS },
  main: {
    padding: tokens.spacingHorizontalXXL,
    backgroundColor: tokens.colorNeutralBackground2,
    minWidth: 0,
    ':focus': { outlineStyle: 'none' },
  },
  narrowMain: { padding: tokens.spacingHorizontalL },
  // visible only when focused: the first Tab of the page
  skip: {
    position: 'absolute',
    left: '-10000px',
    top: 0,
    zIndex: 1000,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorBrandForeground1,
    ':focus': { left: tokens.spacingHorizontalM, top: tokens.spacingVerticalM },
  },
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
        void navigate(to);
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
  const narrow = useNarrow();
  const busy = useLoading();
  // on a phone the navigation is a menu that closes once a page is chosen
  const [menuOpen, setMenuOpen] = useState(false);
  // menus, lists and panes open inside the main landmark rather than loose at the end of the body
  const [popups, setPopups] = useState<HTMLElement | null>(null);
  if (useChanged(`${pathname} ${narrow}`)) setMenuOpen(false);
  if (!me) return null;
  const admin = isAdminRole(me.person.role);
  const account = (
    <>
      <Text>{me.person.displayName}</Text>
      <div className={styles.language}>
        <LanguageSwitch />
      </div>
      <Button onClick={() => void signOut()}>{t('signout')}</Button>
    </>
  );

  return (
    <PortalMountNodeProvider value={popups ?? undefined}>
      <div className={styles.root}>
        <a
          href="#main"
          className={styles.skip}
          onClick={(e) => {
            e.preventDefault();
            document.getElementById('main')?.focus();
          }}
        >
          {t('shell.skip')}
        </a>
        <header className={styles.header}>
          {narrow && (
            <Hamburger
              className={styles.menu}
              aria-label={t('shell.menu')}
              aria-expanded={menuOpen}
              onClick={() => setMenuOpen(!menuOpen)}
            />
          )}
          <Text className={styles.title}>
            {t('app.title')} · {me.organization.name}
          </Text>
          <Notifications />
          {!narrow && account}
        </header>
        <div className={mergeClasses(styles.body, narrow && styles.narrowBody)}>
          <NavDrawer
            open={!narrow || menuOpen}
            type={narrow ? 'overlay' : 'inline'}
            onOpenChange={(_, d) => setMenuOpen(d.open)}
            className={narrow ? undefined : styles.nav}
            selectedValue={sectionOf(pathname)}
            defaultOpenCategories={['billing', 'admin']}
            // on a phone the menu is a dialog with the navigation in it (a navigation cannot be aria-modal)
            {...(narrow ? { role: 'dialog', 'aria-label': t('shell.menu') } : { 'aria-label': t('nav.label') })}
          >
            <NavDrawerBody {...(narrow ? { role: 'navigation', 'aria-label': t('nav.label') } : {})}>
              <Item to="/" value="/">
                {t('nav.home')}
              </Item>
              <NavCategory value="billing">
                <NavCategoryItem>{t('nav.billing')}</NavCategoryItem>
                <NavSubItemGroup>
                  <Item sub to="/billing/products" value="/billing/products">
                    {t('nav.products')}
                  </Item>
                  <Item sub to="/billing/licenses" value="/billing/licenses">
                    {t('nav.licenses')}
                  </Item>
                  <Item sub to="/billing/bills" value="/billing/bills">
                    {t('nav.billsPayments')}
                  </Item>
                </NavSubItemGroup>
              </NavCategory>
              {admin && (
                <NavCategory value="admin">
                  <NavCategoryItem>{t('nav.admin')}</NavCategoryItem>
                  <NavSubItemGroup>
                    {navExtensions.admin.map((e) => (
                      <Item sub key={e.to} to={e.to} value={e.to}>
                        {t(e.label)}
                      </Item>
                    ))}
                  </NavSubItemGroup>
                </NavCategory>
              )}
            </NavDrawerBody>
            {narrow && <NavDrawerFooter className={styles.footer}>{account}</NavDrawerFooter>}
          </NavDrawer>
          <main
            id="main"
            tabIndex={-1}
            aria-busy={busy}
            className={mergeClasses(styles.main, narrow && styles.narrowMain)}
          >
            <Suspense fallback={<Spinner label={t('common.loading')} />}>{children}</Suspense>
            <div ref={setPopups} />
          </main>
        </div>
      </div>
    </PortalMountNodeProvider>
  );
}
