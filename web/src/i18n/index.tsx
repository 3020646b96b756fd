import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { IntlProvider, useIntl } from 'react-intl';
import common from './catalogs/common';
import products from './catalogs/products';
import licenses from './catalogs/licenses';
import bills from './catalogs/bills';
import admin from './catalogs/admin';
import changes from './catalogs/changes';
import shell from './catalogs/shell';
import signin from './catalogs/signin';
import documents from './catalogs/documents';
import directory from './catalogs/directory';
import webhooks from './catalogs/webhooks';
import apps from './catalogs/apps';
import { ApiError } from '../api';
import { fieldErrorsOf, validationText } from './problems';

/**
 * Message catalogs, one file per area with both languages side by side; each area's French
 * keys are checked against its English ones by the type checker.
 */
const catalogs = [
  common,
  products,
  licenses,
  bills,
  admin,
  changes,
  shell,
  signin,
  directory,
  documents,
  webhooks,
  apps,
];

export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
const STORAGE_KEY = 'selfserve.locale';

const messages = Object.fromEntries(LOCALES.map((l) => [l, Object.assign({}, ...catalogs.map((c) => c[l]))])) as Record<
  Locale,
  Record<string, string>
>;

export function initialLocale(): Locale {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === 'fr' || stored === 'en') return stored;
  return navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

const LocaleContext = createContext<{ locale: Locale; setLocale: (l: Locale) => void }>({
  locale: 'en',
  setLocale: () => {},
});

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const value = useMemo(
    () => ({
      locale,
      setLocale: (l: Locale) => {
        localStorage.setItem(STORAGE_KEY, l);
        setLocaleState(l);
      },
    }),
    [locale],
  );
  // the page's language for screen readers, spelling and hyphenation
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <LocaleContext.Provider value={value}>
      <IntlProvider locale={locale === 'fr' ? 'fr-FR' : 'en-US'} messages={messages[locale]} defaultLocale="en-US">
        {children}
      </IntlProvider>
    </LocaleContext.Provider>
  );
}

export const useLocale = () => useContext(LocaleContext);

/** t('key', {values}) for messages; money, dates and numbers through Intl. */
export function useT() {
  const intl = useIntl();
  return useMemo(() => {
    const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
    const money = (m: { amount: number; currency: string }) => {
      const digits =
        new Intl.NumberFormat('en', { style: 'currency', currency: m.currency }).resolvedOptions()
          .maximumFractionDigits ?? 2;
      return intl.formatNumber(m.amount / 10 ** digits, { style: 'currency', currency: m.currency });
    };
    const date = (d: string | Date) =>
      intl.formatDate(d, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
    const number = (n: number) => intl.formatNumber(n);
    /** An error as the person should read it: the catalog's `error.<code>` message when there is one. */
    const problem = (err: unknown): string => {
      // each invalid field named in the reader's language
      if (err instanceof ApiError && err.code === 'validation_failed')
        return validationText(intl, err) ?? intl.formatMessage({ id: 'error.validation_failed' });
      if (err instanceof ApiError && intl.messages[`error.${err.code}`]) {
        const values = Object.fromEntries(
          Object.entries(err.problem).filter(([, v]) => typeof v === 'string' || typeof v === 'number'),
        ) as Record<string, string | number>;
        // problems about people name them: {names} in a message
        const users = err.problem.users as { id: string; displayName: string | null }[] | undefined;
        if (Array.isArray(users)) values.names = users.map((u) => u.displayName ?? u.id).join(', ');
        return intl.formatMessage({ id: `error.${err.code}` }, values);
      }
      return (err as Error).message;
    };
    /** The message to show under each field the error is about, by the field's name in the request. */
    const fieldErrors = (err: unknown) => fieldErrorsOf(intl, err, problem);
    return { t, money, date, number, problem, fieldErrors, intl };
  }, [intl]);
}
