import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { createDOMRenderer, makeStaticStyles, RendererProvider, Spinner } from '@fluentui/react-components';
import { I18nProvider, useT } from './i18n';
import { isAdminRole, SessionProvider, useSession } from './session';
import { Shell } from './layout/Shell';
import SignIn from './pages/SignIn';
import NotFound from './pages/NotFound';
import { SystemTheme } from './components/SystemTheme';
import { SessionExpiredNotice, useSessionExpiry } from './components/SessionExpiry';
import { routes } from './routes';

// the page's Content-Security-Policy allows only style elements that carry its nonce
const nonce = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce;
const renderer = createDOMRenderer(document, { styleElementAttributes: nonce ? { nonce } : {} });
const useGlobalStyles = makeStaticStyles({ body: { margin: 0 } });

function App() {
  useGlobalStyles();
  const { me, loading } = useSession();
  const { t } = useT();
  useSessionExpiry(me !== null);
  if (loading) return <Spinner label={t('common.loading')} style={{ marginTop: 80 }} />;
  if (!me)
    return (
      <>
        <SessionExpiredNotice />
        <SignIn />
      </>
    );
  const admin = isAdminRole(me.person.role);
  return (
    <Shell>
      <Routes>
        {routes
          .filter((r) => admin || !r.admin)
          .map(({ path, Page }) => (
            <Route key={path} path={path} element={<Page />} />
          ))}
        <Route path="/signin" element={<Navigate to="/" replace />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </Shell>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <RendererProvider renderer={renderer} targetDocument={document}>
      <SystemTheme>
        <I18nProvider>
          <BrowserRouter>
            <SessionProvider>
              <App />
            </SessionProvider>
          </BrowserRouter>
        </I18nProvider>
      </SystemTheme>
    </RendererProvider>
  </StrictMode>,
);
