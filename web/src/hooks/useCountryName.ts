import { useMemo } from 'react';
import { useLocale } from '../i18n';

/** A country's name in the reader's language from its ISO code: DE is "Germany" in English, "Allemagne" in French. */
export function useCountryName() {
  const { locale } = useLocale();
  return useMemo(() => {
    const names = new Intl.DisplayNames([locale], { type: 'region' });
    return (code: string) => names.of(code) ?? code;
  }, [locale]);
}
